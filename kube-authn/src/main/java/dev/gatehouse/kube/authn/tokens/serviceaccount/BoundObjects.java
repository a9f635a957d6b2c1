package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers whether the objects a service-account token names still exist, which
 * {@link ServiceAccountTokenAuthenticator} asks on every verification, cached or not. The server should answer from
 * memory (its watch cache); deleting or recreating an object then revokes its tokens at once.
 *
 * <p>An object with a {@code deletionTimestamp} more than a minute in the past counts as gone, as upstream judges
 * objects held back by finalizers.
 */
public interface BoundObjects {
    /** The stored ServiceAccount, or empty. */
    Optional<LiveObject> serviceAccount(String namespace, String name);

    /** The stored Pod, or empty. */
    Optional<LiveObject> pod(String namespace, String name);

    /** The stored Secret, or empty. */
    Optional<LiveObject> secret(String namespace, String name);

    /** The stored Node, or empty. */
    Optional<LiveObject> node(String name);

    /**
     * For legacy tokens: the stored Secret with its {@code data.token} and its
     * {@code kubernetes.io/legacy-token-invalid-since} label. Empty when absent; servers without legacy tokens may
     * always answer empty.
     */
    Optional<TokenSecret> tokenSecret(String namespace, String name);

    /**
     * @param uid               {@code metadata.uid}
     * @param deletionTimestamp {@code metadata.deletionTimestamp}, or null
     */
    record LiveObject(String uid, Instant deletionTimestamp) {
        public LiveObject {
            Objects.requireNonNull(uid, "uid");
        }

        public static LiveObject of(String uid) {
            return new LiveObject(uid, null);
        }
    }

    /**
     * @param uid               {@code metadata.uid}
     * @param deletionTimestamp {@code metadata.deletionTimestamp}, or null
     * @param token             the decoded {@code data.token}, or an empty array
     * @param invalidSince      the {@code kubernetes.io/legacy-token-invalid-since} label's value, or null
     */
    record TokenSecret(String uid, Instant deletionTimestamp, byte[] token, String invalidSince) {
        public TokenSecret {
            Objects.requireNonNull(uid, "uid");
            token = token == null ? new byte[0] : token.clone();
        }

        @Override
        public byte[] token() {
            return token.clone();
        }
    }
}
