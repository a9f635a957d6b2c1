package dev.gatehouse.kube.meta.labels;

import dev.gatehouse.kube.meta.internal.GoStrings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers shared by the {@link Requirement} records. */
final class Requirements {
    private Requirements() {
    }

    /** Upstream prints set values sorted (byte order) without changing the stored order. */
    static String joinSorted(List<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(GoStrings::compare);
        return String.join(",", sorted);
    }

    /** A label value as a Go {@code strconv.ParseInt(v, 10, 64)}; null when absent or not an integer. */
    static Long parseLabelInteger(Map<String, String> labels, String key) {
        String v = labels.get(key);
        if (v == null) {
            return null;
        }
        return parseGoInt(v);
    }

    static Long parseGoInt(String v) {
        // Go's ParseInt takes an optional sign and ASCII digits only; Long.parseLong would also take
        // non-ASCII digits, so the shape is checked first. Both reject values outside the int64 range.
        if (!v.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
