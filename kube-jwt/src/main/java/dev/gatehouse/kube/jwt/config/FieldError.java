package dev.gatehouse.kube.jwt.config;

import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One validation error, printed exactly as apimachinery's {@code field.Error}:
 * {@code jwt[0].issuer.url: Invalid value: "http://x": URL scheme must be https}.
 *
 * @param type     the error kind
 * @param field    the field path
 * @param badValue the offending value already rendered the way Go prints it, or null when the kind omits it
 * @param detail   the human explanation (may be empty)
 */
public record FieldError(Type type, String field, String badValue, String detail) {

    /** The kinds of {@code field.ErrorType} used by authentication configuration validation. */
    public enum Type {
        REQUIRED("Required value", false),
        INVALID("Invalid value", true),
        DUPLICATE("Duplicate value", true),
        NOT_SUPPORTED("Unsupported value", true),
        FORBIDDEN("Forbidden", false),
        TOO_MANY("Too many", true),
        INTERNAL("Internal error", false);

        private final String text;
        private final boolean showsValue;

        Type(String text, boolean showsValue) {
            this.text = text;
            this.showsValue = showsValue;
        }
    }

    public static FieldError required(FieldPath path, String detail) {
        return new FieldError(Type.REQUIRED, path.toString(), null, detail);
    }

    public static FieldError invalid(FieldPath path, String value, String detail) {
        return new FieldError(Type.INVALID, path.toString(), GoFormat.quote(value), detail);
    }

    /** An invalid value whose Go rendering is not a plain quoted string (e.g. {@code []string{"a", "b"}}). */
    public static FieldError invalidRendered(FieldPath path, String renderedValue, String detail) {
        return new FieldError(Type.INVALID, path.toString(), renderedValue, detail);
    }

    public static FieldError duplicate(FieldPath path, String value) {
        return new FieldError(Type.DUPLICATE, path.toString(), GoFormat.quote(value), "");
    }

    public static FieldError tooMany(FieldPath path, int actual, int max) {
        return new FieldError(Type.TOO_MANY, path.toString(), Integer.toString(actual),
                "must have at most " + max + " items");
    }

    public static FieldError forbidden(FieldPath path, String detail) {
        return new FieldError(Type.FORBIDDEN, path.toString(), null, detail);
    }

    public static FieldError internal(FieldPath path, String detail) {
        return new FieldError(Type.INTERNAL, path.toString(), null, detail);
    }

    /** The message without the field name ({@code ErrorBody}). */
    public String body() {
        String s = type.text;
        if (type.showsValue && badValue != null) {
            s += ": " + badValue;
        }
        if (detail != null && !detail.isEmpty()) {
            s += ": " + detail;
        }
        return s;
    }

    @Override
    public String toString() {
        return field + ": " + body();
    }

    /**
     * The message of {@code ErrorList.ToAggregate()}: one error alone, several in brackets joined by ", ",
     * duplicates dropped. Empty for no errors.
     */
    public static String aggregate(List<FieldError> errors) {
        Set<String> messages = new LinkedHashSet<>();
        errors.forEach(e -> messages.add(e.toString()));
        if (messages.size() <= 1) {
            return String.join("", messages);
        }
        return "[" + String.join(", ", messages) + "]";
    }
}
