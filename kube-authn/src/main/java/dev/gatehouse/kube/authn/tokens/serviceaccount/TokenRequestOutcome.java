package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a TokenRequest comes to: a token, or the error status kube-apiserver would answer with. */
public sealed interface TokenRequestOutcome permits TokenRequestOutcome.Issued, TokenRequestOutcome.Invalid,
        TokenRequestOutcome.BadRequest, TokenRequestOutcome.Conflict {

    /** The HTTP status code. */
    int code();

    /**
     * 201: the token.
     *
     * @param token               the signed JWT ({@code status.token})
     * @param expirationTimestamp {@code status.expirationTimestamp}: issue time plus the granted (possibly shortened)
     *                            expiry; for kubelet's 3607 s requests the token itself lives a year, see warnafter
     * @param jti                 the token's unique ID
     * @param warnings            {@code Warning} headers to send, e.g. a shortened expiry
     * @param auditAnnotations    annotations for the request's audit event
     */
    record Issued(String token, Instant expirationTimestamp, String jti, List<String> warnings,
                  Map<String, String> auditAnnotations) implements TokenRequestOutcome {
        public Issued {
            warnings = List.copyOf(warnings);
            auditAnnotations = Map.copyOf(auditAnnotations);
        }

        @Override
        public int code() {
            return 201;
        }
    }

    /** 422 Invalid, reason {@code Invalid}, details group {@code authentication.k8s.io}, kind {@code TokenRequest}. */
    record Invalid(List<FieldViolation> violations) implements TokenRequestOutcome {
        public Invalid {
            violations = List.copyOf(violations);
        }

        @Override
        public int code() {
            return 422;
        }

        /** The Status message, e.g. {@code TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: ...}. */
        public String message() {
            String aggregate = violations.size() == 1 ? violations.get(0).message()
                    : "[" + String.join(", ", violations.stream().map(FieldViolation::message).toList()) + "]";
            return "TokenRequest.authentication.k8s.io \"\" is invalid: " + aggregate;
        }
    }

    /** 400 BadRequest with this Status message. */
    record BadRequest(String message) implements TokenRequestOutcome {
        @Override
        public int code() {
            return 400;
        }
    }

    /**
     * 409 Conflict: the bound object's UID is not the one the client named. Status details carry group {@code ""},
     * {@code kind} and {@code name}.
     */
    record Conflict(String kind, String name, String message) implements TokenRequestOutcome {
        @Override
        public int code() {
            return 409;
        }
    }

    /**
     * One {@code field.Invalid} error.
     *
     * @param field  e.g. {@code spec.expirationSeconds}
     * @param value  the rejected value
     * @param detail e.g. {@code may not specify a duration less than 10 minutes}
     */
    record FieldViolation(String field, long value, String detail) {
        /** {@code spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes}. */
        public String message() {
            return field + ": " + causeMessage();
        }

        /** The Status cause message (reason {@code FieldValueInvalid}): {@code Invalid value: 599: ...}. */
        public String causeMessage() {
            return "Invalid value: " + value + ": " + detail;
        }
    }
}
