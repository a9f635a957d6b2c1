package dev.gatehouse.kube.audit;

/**
 * One validation error of an audit policy, upstream {@code field.Error}.
 *
 * @param field the field path, e.g. {@code rules[2].level}
 * @param body  upstream's {@code ErrorBody()}, e.g. {@code Required value}
 */
public record PolicyFieldError(String field, String body) {
    /** Upstream {@code Error()}: {@code rules[2].level: Required value}. */
    public String message() {
        return field + ": " + body;
    }

    @Override
    public String toString() {
        return message();
    }
}
