package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.util.Map;

/** The outcome of the claim and liveness checks on a signature-verified token. */
sealed interface Validation permits Validation.Valid, Validation.Invalid {
    record Valid(ServiceAccountInfo info, Map<String, String> auditAnnotations) implements Validation {
    }

    record Invalid(String reason) implements Validation {
    }
}
