package dev.gatehouse.kube.audit;

import java.util.List;
import java.util.stream.Collectors;

/** The bits of Go's {@code fmt} that upstream policy error messages contain. */
final class GoText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoText() {
    }

    /** Go's {@code strconv.Quote} (also {@code %q} and {@code %#v} of a string). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> appendRune(out, cp);
            }
        }
        return out.append('"').toString();
    }

    private static void appendRune(StringBuilder out, int cp) {
        if (cp < 0x20 || cp == 0x7f) {
            out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
        } else if (cp >= 0x80 && isNonPrintable(cp)) {
            out.append(cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
        } else {
            out.appendCodePoint(cp);
        }
    }

    private static boolean isNonPrintable(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (Character.isSpaceChar(cp) && cp != ' ');
    }

    /** Go's {@code %#v} of a {@code []string}: {@code []string{"a", "b"}}. */
    static String goSyntax(List<String> values) {
        return values.stream().map(GoText::quote).collect(Collectors.joining(", ", "[]string{", "}"));
    }
}
