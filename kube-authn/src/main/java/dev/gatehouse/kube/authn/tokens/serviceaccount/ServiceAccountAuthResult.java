package dev.gatehouse.kube.authn.tokens.serviceaccount;

import dev.gatehouse.kube.authn.tokens.TokenUser;

import java.util.List;
import java.util.Map;

/** What {@link ServiceAccountTokenAuthenticator} says of a bearer token. */
public sealed interface ServiceAccountAuthResult permits ServiceAccountAuthResult.Authenticated,
        ServiceAccountAuthResult.NotApplicable, ServiceAccountAuthResult.Rejected {

    /**
     * A valid service-account token.
     *
     * @param user             {@code system:serviceaccount:<ns>:<name>}, its UID, the service-account groups and extra
     *                         (pod, node and credential-id)
     * @param audiences        the token's audiences that the request targets (TokenReview's {@code status.audiences})
     * @param auditAnnotations for the request's audit event, e.g. {@code authentication.k8s.io/legacy-token}
     */
    record Authenticated(TokenUser user, List<String> audiences, Map<String, String> auditAnnotations)
            implements ServiceAccountAuthResult {
        public Authenticated {
            audiences = List.copyOf(audiences);
            auditAnnotations = Map.copyOf(auditAnnotations);
        }
    }

    /** Not a JWT, or not from an issuer this authenticator accepts: let the next authenticator look. */
    record NotApplicable() implements ServiceAccountAuthResult {
    }

    /**
     * A token from our issuer that fails verification. {@code reason} (upstream's text where upstream has one) is for
     * the server log; the client gets only the generic 401.
     */
    record Rejected(String reason) implements ServiceAccountAuthResult {
    }
}
