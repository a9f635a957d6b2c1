package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.util.Optional;

/**
 * {@code spec.boundObjectRef} of a TokenRequest as the client sent it.
 *
 * @param apiVersion e.g. {@code v1}; only its group matters (upstream ignores the version)
 * @param kind       {@code Pod}, {@code Secret} or {@code Node} are supported
 * @param name       the object's name
 * @param uid        if not empty, must equal the stored object's UID (else 409 Conflict)
 */
public record BoundObjectReference(String apiVersion, String kind, String name, String uid) {
    public BoundObjectReference {
        apiVersion = apiVersion == null ? "" : apiVersion;
        kind = kind == null ? "" : kind;
        name = name == null ? "" : name;
        uid = uid == null ? "" : uid;
    }

    /** The kinds a token may be bound to. */
    public enum Kind {
        POD("Pod"), SECRET("Secret"), NODE("Node");

        private final String kind;

        Kind(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    /** The supported kind this reference names, or empty (a 400, see {@link #unsupportedKindMessage()}). */
    public Optional<Kind> supportedKind() {
        if (!group().isEmpty()) {
            return Optional.empty();
        }
        for (Kind k : Kind.values()) {
            if (k.kind().equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Upstream's 400 message, e.g. {@code cannot bind token to object of type apps/v1, Kind=Deployment}. */
    public String unsupportedKindMessage() {
        return "cannot bind token to object of type " + group() + "/" + version() + ", Kind=" + kind;
    }

    /** {@code schema.ParseGroupVersion}; an apiVersion with two or more slashes parses as empty. */
    private String group() {
        int slashes = (int) apiVersion.chars().filter(c -> c == '/').count();
        return slashes == 1 && !apiVersion.equals("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private String version() {
        int slashes = (int) apiVersion.chars().filter(c -> c == '/').count();
        if (apiVersion.equals("/") || slashes > 1) {
            return "";
        }
        return slashes == 1 ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
    }
}
