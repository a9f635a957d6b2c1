package dev.gatehouse.kube.jwt.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints test tokens, including the malformed and forged kinds an attacker would send. */
public final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** A token over exactly these claim bytes, signed by the named key. */
    public static String signed(String keyName, JWSAlgorithm algorithm, String kid, String claimsJson) {
        JWK key = TestKeys.privateKey(keyName);
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
            if (kid != null) {
                header.keyID(kid);
            }
            JWSObject jws = new JWSObject(header.build(), new Payload(claimsJson));
            jws.sign(signer);
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none} with an empty signature. */
    public static String unsigned(String kid, String claimsJson) {
        return b64("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + b64(claimsJson) + ".";
    }

    /** Algorithm confusion: HS256 keyed with the issuer's RSA public key (its DER SubjectPublicKeyInfo). */
    public static String hs256WithPublicKey(String rsaKeyName, String kid, String claimsJson) {
        String signingInput = b64("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}") + "." + b64(claimsJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestKeys.publicKeyDer(rsaKeyName), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
