package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key that verifies service-account tokens.
 *
 * @param keyId       upstream's {@code kid}: see {@link #keyIdOf}
 * @param publicKey   the RSA public key
 * @param retainUntil after this instant the key no longer verifies anything (tokens it signed have expired); null
 *                    for the current signing key and for keys kept indefinitely
 */
public record VerificationKey(String keyId, RSAPublicKey publicKey, Instant retainUntil) {
    public VerificationKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    public static VerificationKey of(RSAPublicKey publicKey, Instant retainUntil) {
        return new VerificationKey(keyIdOf(publicKey), publicKey, retainUntil);
    }

    /** Whether the key still verifies at {@code now}. */
    public boolean retainedAt(Instant now) {
        return retainUntil == null || !now.isAfter(retainUntil);
    }

    /** This key as a {@code PUBLIC KEY} PEM block. */
    public byte[] toPem() {
        return Pem.encode("PUBLIC KEY", publicKey.getEncoded()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Upstream's {@code keyIDFromPublicKey}: the unpadded base64url SHA-256 of the key's PKIX (SubjectPublicKeyInfo)
     * DER encoding, which is what {@link PublicKey#getEncoded()} returns for RSA keys. Being a hash, the kid reveals
     * nothing that could be mistaken for the key itself.
     */
    public static String keyIdOf(PublicKey publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
