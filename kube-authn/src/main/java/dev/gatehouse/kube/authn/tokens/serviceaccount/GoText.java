package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.util.List;

/**
 * Go's {@code %q} for the strings and string slices that upstream messages quote (escaping control characters,
 * so a hostile token cannot forge log lines).
 */
public final class GoText {
    private GoText() {
    }

    /** {@code strconv.Quote} for the characters names and URLs contain; other control characters as {@code \xNN}. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (c >= 0x80 && c < 0xa0) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** {@code %q} of a {@code []string}: {@code ["a" "b"]}. */
    static String quote(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(quote(values.get(i)));
        }
        return out.append(']').toString();
    }
}
