package dev.gatehouse.kube.meta.fields;

import java.util.Objects;

/**
 * One term of a field selector: {@code field=value} or {@code field!=value} ({@code ==} parses as {@code =}).
 * {@link #toString()} escapes the value as upstream {@code EscapeValue} does.
 */
public record FieldRequirement(String field, Operator operator, String value) {

    public enum Operator { EQUALS, NOT_EQUALS }

    public FieldRequirement {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    /** Whether an object's field value satisfies the term; an absent field reads as {@code ""}. */
    public boolean matches(String actual) {
        String v = actual == null ? "" : actual;
        return switch (operator) {
            case EQUALS -> v.equals(value);
            case NOT_EQUALS -> !v.equals(value);
        };
    }

    @Override
    public String toString() {
        return field + (operator == Operator.EQUALS ? "=" : "!=") + escapeValue(value);
    }

    /** Upstream {@code fields.EscapeValue}: backslash, comma and equals sign get a backslash. */
    public static String escapeValue(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
