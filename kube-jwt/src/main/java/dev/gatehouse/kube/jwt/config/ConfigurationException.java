package dev.gatehouse.kube.jwt.config;

import java.util.List;

/**
 * An AuthenticationConfiguration (or one JWT authenticator in it) that cannot be used. The message is what
 * kube-apiserver would print; {@link #fieldErrors()} carries the individual validation errors as data (empty when
 * the document could not even be decoded).
 */
public final class ConfigurationException extends RuntimeException {

    private final List<FieldError> fieldErrors;

    public ConfigurationException(String message) {
        super(message);
        this.fieldErrors = List.of();
    }

    public ConfigurationException(List<FieldError> fieldErrors) {
        super(FieldError.aggregate(fieldErrors));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
