package dev.gatehouse.kube.meta.validation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The parts of Go's {@code fmt} and {@code strconv} that upstream Kubernetes messages depend on. Only what is
 * needed to reproduce those messages byte for byte; not a general Go formatter.
 */
public final class GoFormat {
    private GoFormat() {
    }

    /** Go's {@code strconv.Quote} / {@code %q}: double-quoted, Go escapes, printable Unicode kept as is. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendQuotedRune(sb, cp);
        }
        return sb.append('"').toString();
    }

    private static void appendQuotedRune(StringBuilder sb, int cp) {
        if (cp == '"' || cp == '\\') {
            sb.append('\\').appendCodePoint(cp);
            return;
        }
        if (isPrint(cp)) {
            sb.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 0x07 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 0x0b -> sb.append("\\v");
            default -> {
                if (cp < ' ' || cp == 0x7f) {
                    sb.append("\\x").append(hex(cp, 2));
                } else if (Character.isSurrogate((char) cp)) {
                    // A lone surrogate is invalid UTF-8 in Go, which prints the replacement character's escape.
                    sb.append("\\ufffd");
                } else if (cp < 0x10000) {
                    sb.append("\\u").append(hex(cp, 4));
                } else {
                    sb.append("\\U").append(hex(cp, 8));
                }
            }
        }
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static String hex(int value, int width) {
        String h = Integer.toHexString(value);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    /**
     * Go's {@code %v} for a float64 ({@code strconv.FormatFloat(f, 'g', -1, 64)}): shortest digits, exponent
     * form when the decimal exponent is below -4 or at least 6 ({@code 1e+06}, {@code 1.5e-05}).
     */
    public static String formatFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - bd.scale() - 1; // decimal exponent of the first digit
        StringBuilder sb = new StringBuilder();
        if (f < 0) {
            sb.append('-');
        }
        if (exp < -4 || exp >= 6) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int absExp = Math.abs(exp);
            if (absExp < 10) {
                sb.append('0');
            }
            sb.append(absExp);
        } else {
            sb.append(bd.toPlainString());
        }
        return sb.toString();
    }

    /**
     * How {@code field.Error.ErrorBody()} prints a bad value: strings with {@code %q}, numbers and booleans with
     * {@code %v}, null as {@code null}, string lists as Go's {@code %#v} of a {@code []string}. A
     * {@link GoLiteral} is printed verbatim (for upstream values whose Go type has a {@code String()} method).
     */
    public static String renderValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof GoLiteral literal) {
            return literal.text();
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Double d) {
            return formatFloat(d);
        }
        if (value instanceof Float f) {
            return formatFloat(f);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[]string{");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(quote(String.valueOf(list.get(i))));
            }
            return sb.append('}').toString();
        }
        return value.toString();
    }

    /** A bad value whose upstream rendering is already known (e.g. a Go {@code time.Time.String()}). */
    public record GoLiteral(String text) {
    }
}
