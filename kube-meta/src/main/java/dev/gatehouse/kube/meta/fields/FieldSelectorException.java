package dev.gatehouse.kube.meta.fields;

import dev.gatehouse.kube.meta.labels.SelectorParseException;

/**
 * A field selector kube-apiserver would reject with a 400 {@code BadRequest}; the message is upstream's, e.g.
 * {@code invalid selector: 'a'; can't understand 'a'} or {@code field label not supported: spec.foo}. It is a
 * {@link SelectorParseException} so list handlers can treat label and field selector failures alike.
 */
public final class FieldSelectorException extends SelectorParseException {
    private static final long serialVersionUID = 1L;

    public FieldSelectorException(String message) {
        super(message);
    }
}
