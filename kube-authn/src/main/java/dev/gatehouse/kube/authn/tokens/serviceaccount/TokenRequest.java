package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.util.List;
import java.util.Objects;

/**
 * What {@link BoundTokenIssuer#issue} needs from a {@code POST .../serviceaccounts/<name>/token}: the service account
 * (already looked up by the server), the spec fields, and the bound object (looked up by the server after checking
 * {@link BoundObjectReference#supportedKind()}).
 *
 * @param namespace           the service account's namespace
 * @param serviceAccountName  its name
 * @param serviceAccountUid   its UID
 * @param audiences           {@code spec.audiences}; empty means the API audiences
 * @param expirationSeconds   {@code spec.expirationSeconds}; null means the default of 3600
 * @param boundObjectRef      {@code spec.boundObjectRef} as sent, or null
 * @param boundObject         the stored object it names, or null when unbound
 */
public record TokenRequest(String namespace, String serviceAccountName, String serviceAccountUid, List<String> audiences,
                           Long expirationSeconds, BoundObjectReference boundObjectRef, BoundObject boundObject) {
    public TokenRequest {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccountName, "serviceAccountName");
        serviceAccountUid = serviceAccountUid == null ? "" : serviceAccountUid;
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    /** An unbound request with default audiences and expiry. */
    public static TokenRequest forServiceAccount(String namespace, String name, String uid) {
        return new TokenRequest(namespace, name, uid, List.of(), null, null, null);
    }

    public TokenRequest withAudiences(List<String> audiences) {
        return new TokenRequest(namespace, serviceAccountName, serviceAccountUid, audiences, expirationSeconds,
                boundObjectRef, boundObject);
    }

    public TokenRequest withExpirationSeconds(Long expirationSeconds) {
        return new TokenRequest(namespace, serviceAccountName, serviceAccountUid, audiences, expirationSeconds,
                boundObjectRef, boundObject);
    }

    /** Binds to {@code object}; {@code reference} may be null when the server has no client reference to check. */
    public TokenRequest boundTo(BoundObjectReference reference, BoundObject object) {
        return new TokenRequest(namespace, serviceAccountName, serviceAccountUid, audiences, expirationSeconds,
                reference, object);
    }
}
