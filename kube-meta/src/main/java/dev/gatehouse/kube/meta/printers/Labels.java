package dev.gatehouse.kube.meta.printers;

import dev.gatehouse.kube.meta.internal.GoStrings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Upstream {@code labels.FormatLabels}: sorted {@code k=v} pairs joined by commas, {@code <none>} when empty. */
final class Labels {
    private Labels() {
    }

    static String format(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "<none>";
        }
        List<String> keys = new ArrayList<>(labels.keySet());
        keys.sort(GoStrings::compare);
        return keys.stream().map(k -> k + "=" + labels.get(k)).collect(Collectors.joining(","));
    }
}
