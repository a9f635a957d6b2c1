package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An RSA key that signs service-account tokens with RS256, as kube-apiserver signs them with the key of
 * {@code --service-account-signing-key-file}. RS256 is kept rather than ES256 because it is what kube-apiserver's
 * discovery document advertises for RSA keys and what every relying party (AWS IRSA, GCP and Azure workload identity,
 * Vault) is known to accept from a Kubernetes issuer. Instances are immutable and thread-safe.
 */
public final class SigningKey {
    /** The modulus size kube-apiserver's tooling generates, and the least Nimbus accepts for RS256. */
    public static final int KEY_BITS = 2048;
    private static final JWSHeader RS256 = new JWSHeader(JWSAlgorithm.RS256);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final RSASSASigner signer;
    private final String encodedHeader;

    public SigningKey(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        if (!privateKey.getModulus().equals(publicKey.getModulus())) {
            throw new IllegalArgumentException("the public key does not belong to the private key");
        }
        this.keyId = VerificationKey.keyIdOf(publicKey);
        this.signer = new RSASSASigner(privateKey);
        // go-jose writes the protected header as a sorted map: alg, then kid; no typ.
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + keyId + "\"}";
        this.encodedHeader = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8));
    }

    public SigningKey(RSAPrivateKey privateKey) {
        this(privateKey, Pem.publicOf(privateKey));
    }

    /** A fresh 2048-bit RSA key. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey((RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides RSA", e);
        }
    }

    /** The first private key in PEM bytes ({@code PRIVATE KEY} or {@code RSA PRIVATE KEY}). */
    public static SigningKey fromPem(byte[] pem) {
        List<Pem.Block> blocks = Pem.decode(pem);
        for (Pem.Block block : blocks) {
            if (Pem.isPrivateKey(block)) {
                return new SigningKey(Pem.privateKey(block));
            }
        }
        throw new IllegalArgumentException("no RSA private key found in PEM data");
    }

    /** The private key as a PKCS#8 {@code PRIVATE KEY} PEM block, which kube-apiserver also reads. */
    public byte[] toPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded()).getBytes(StandardCharsets.US_ASCII);
    }

    public String keyId() {
        return keyId;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    RSAPrivateKey privateKey() {
        return privateKey;
    }

    /** The key that verifies what this key signs, retained indefinitely. */
    public VerificationKey verificationKey() {
        return new VerificationKey(keyId, publicKey, null);
    }

    /** A compact JWS of the given payload bytes: {@code {"alg":"RS256","kid":...}}, payload, RS256 signature. */
    String signCompact(byte[] payload) {
        String signingInput = encodedHeader + "." + B64URL.encodeToString(payload);
        try {
            return signingInput + "." + signer.sign(RS256, signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }
}
