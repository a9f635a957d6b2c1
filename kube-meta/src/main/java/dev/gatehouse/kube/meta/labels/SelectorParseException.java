package dev.gatehouse.kube.meta.labels;

import dev.gatehouse.kube.meta.validation.FieldError;

import java.util.List;

/**
 * A label selector that upstream would reject. {@link #getMessage()} is upstream's error text, e.g.
 * {@code unable to parse requirement: values[0][app]: Invalid value: "a_": a valid label must be ...}, which
 * kube-apiserver sends as the message of a 400 {@code BadRequest} status.
 *
 * <p>Field selector failures ({@code dev.gatehouse.kube.meta.fields.FieldSelectorException}) are a subclass, so
 * one {@code catch} turns either selector's failure into the 400 response.
 *
 * <p>{@link #fieldErrors()} holds the validation errors behind the message when there are any (bad keys,
 * values or operators); it is empty for pure syntax errors.
 */
public class SelectorParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> fieldErrors;

    public SelectorParseException(String message) {
        this(message, List.of());
    }

    public SelectorParseException(String message, List<FieldError> fieldErrors) {
        super(message);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
