package dev.gatehouse.kube.meta.validation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One field-level validation error, the Java twin of upstream {@code field.Error}. {@link #message()} renders
 * exactly as {@code Error()} does ({@code metadata.name: Invalid value: "Demo_": a lowercase RFC 1123 ...}) and
 * {@link #body()} as {@code ErrorBody()}, which is what a 422 {@code Status} cause carries.
 *
 * @param field    the rendered field path, e.g. {@code metadata.name} (see {@link FieldPath})
 * @param type     what kind of problem this is
 * @param badValue the offending value, rendered by {@link GoFormat#renderValue}; ignored for types whose body
 *                 never shows a value (required, forbidden, too long, internal)
 * @param detail   the explanation appended after the value; may be empty
 */
public record FieldError(String field, Type type, Object badValue, String detail) {

    /** Marker for upstream's {@code omitValue}: the body shows only the type. */
    public static final Object OMIT_VALUE = new GoFormat.GoLiteral("<omitted>");

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        detail = detail == null ? "" : detail;
    }

    /** Upstream {@code field.ErrorType}: the machine-readable cause type and its human text. */
    public enum Type {
        NOT_FOUND("FieldValueNotFound", "Not found"),
        REQUIRED("FieldValueRequired", "Required value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TOO_MANY("FieldValueTooMany", "Too many"),
        INTERNAL("InternalError", "Internal error"),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value");

        private final String causeType;
        private final String text;

        Type(String causeType, String text) {
            this.causeType = causeType;
            this.text = text;
        }

        /** The {@code StatusCause.reason} string, e.g. {@code FieldValueInvalid}. */
        public String causeType() {
            return causeType;
        }

        /** The human text that starts the error body, e.g. {@code Invalid value}. */
        public String text() {
            return text;
        }
    }

    public static FieldError invalid(FieldPath path, Object value, String detail) {
        return new FieldError(FieldPath.render(path), Type.INVALID, value, detail);
    }

    public static FieldError typeInvalid(FieldPath path, Object value, String detail) {
        return new FieldError(FieldPath.render(path), Type.TYPE_INVALID, value, detail);
    }

    public static FieldError required(FieldPath path, String detail) {
        return new FieldError(FieldPath.render(path), Type.REQUIRED, "", detail);
    }

    public static FieldError forbidden(FieldPath path, String detail) {
        return new FieldError(FieldPath.render(path), Type.FORBIDDEN, "", detail);
    }

    public static FieldError duplicate(FieldPath path, Object value) {
        return new FieldError(FieldPath.render(path), Type.DUPLICATE, value, "");
    }

    public static FieldError notFound(FieldPath path, Object value) {
        return new FieldError(FieldPath.render(path), Type.NOT_FOUND, value, "");
    }

    /** {@code Unsupported value: "x": supported values: "a", "b"}. */
    public static FieldError notSupported(FieldPath path, Object value, List<String> supported) {
        String detail = supported.isEmpty() ? ""
                : "supported values: " + supported.stream().map(GoFormat::quote).collect(Collectors.joining(", "));
        return new FieldError(FieldPath.render(path), Type.NOT_SUPPORTED, value, detail);
    }

    /** {@code Too long: may not be more than N bytes}; a negative limit gives {@code value is too long}. */
    public static FieldError tooLong(FieldPath path, int maxLength) {
        String detail = maxLength >= 0 ? "may not be more than " + maxLength + " bytes" : "value is too long";
        return new FieldError(FieldPath.render(path), Type.TOO_LONG, "<value omitted>", detail);
    }

    /** {@code Too many: 5: must have at most 3 items}; a negative count omits the value. */
    public static FieldError tooMany(FieldPath path, int actual, int max) {
        String detail = max >= 0 ? "must have at most " + max + " items" : "has too many items";
        return new FieldError(FieldPath.render(path), Type.TOO_MANY, actual >= 0 ? (Object) (long) actual : OMIT_VALUE,
                detail);
    }

    public static FieldError internal(FieldPath path, String detail) {
        return new FieldError(FieldPath.render(path), Type.INTERNAL, null, detail);
    }

    /** Upstream {@code ErrorBody()}: the message without the field path. */
    public String body() {
        String s = switch (type) {
            case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL -> type.text();
            default -> badValue == OMIT_VALUE ? type.text() : type.text() + ": " + GoFormat.renderValue(badValue);
        };
        return detail.isEmpty() ? s : s + ": " + detail;
    }

    /** Upstream {@code Error()}: {@code <field>: <body>}. */
    public String message() {
        return field + ": " + body();
    }

    @Override
    public String toString() {
        return message();
    }
}
