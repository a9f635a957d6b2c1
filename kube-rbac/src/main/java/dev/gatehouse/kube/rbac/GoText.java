package dev.gatehouse.kube.rbac;

import dev.gatehouse.kube.meta.validation.GoFormat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The few Go formatting rules RBAC messages are built from. */
final class GoText {
    private GoText() {
    }

    /** Go's {@code %q}: a double-quoted string with Go escapes. */
    static String quote(String s) {
        return GoFormat.quote(s);
    }

    /** Go's {@code %q} of a {@code []string}: {@code ["a" "b"]}, {@code []} when empty. */
    static String quoteList(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(quote(values.get(i)));
        }
        return sb.append(']').toString();
    }

    /**
     * The message of apimachinery's {@code utilerrors.NewAggregate}: one error alone as itself, several as
     * {@code [a, b]} with repeated messages dropped; empty when there are none.
     */
    static String aggregate(List<String> messages) {
        if (messages.isEmpty()) {
            return "";
        }
        if (messages.size() == 1) {
            return messages.get(0);
        }
        Set<String> unique = new LinkedHashSet<>(messages);
        if (unique.size() == 1) {
            return unique.iterator().next();
        }
        return "[" + String.join(", ", new ArrayList<>(unique)) + "]";
    }

    /** Go's {@code <} on strings: UTF-8 byte order, which is code point order (not Java's UTF-16 order). */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
