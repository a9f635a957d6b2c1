package dev.gatehouse.kube.jwt.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a compact JWS against candidate public keys, as go-oidc's remote key set does: every key whose
 * {@code kid} matches (or every key when the token names none) is tried until one verifies.
 *
 * <p>Only the asymmetric algorithms upstream allows reach this point; symmetric keys and {@code none} are never
 * used, so a token "signed" with HS256 using a public key as the secret cannot verify.
 */
final class SignatureVerifier {

    /** {@code oidc.AllValidSigningAlgorithms()}, sorted as upstream lists them. */
    static final Set<String> ALLOWED_ALGORITHMS = new TreeSet<>(
            List.of("ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "RS256", "RS384", "RS512"));

    private SignatureVerifier() {
    }

    static boolean verifies(CompactJws jws, List<JWK> keys) {
        if (!ALLOWED_ALGORITHMS.contains(jws.algorithm())) {
            return false;
        }
        JWSObject object;
        try {
            object = new JWSObject(new Base64URL(jws.encodedHeader()), new Base64URL(jws.encodedPayload()),
                    new Base64URL(jws.encodedSignature()));
        } catch (ParseException e) {
            return false;
        }
        String kid = jws.keyId();
        for (JWK key : keys) {
            if (!kid.isEmpty() && !kid.equals(key.getKeyID())) {
                continue;
            }
            if (verifiesWith(object, key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean verifiesWith(JWSObject object, JWK key) {
        try {
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            } else {
                return false;
            }
            if (!verifier.supportedJWSAlgorithms().contains(object.getHeader().getAlgorithm())) {
                return false;
            }
            return object.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }
}
