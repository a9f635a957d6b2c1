package dev.gatehouse.kube.jwt.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named signing keys for test issuers, generated once per run: {@code rsa1}, {@code rsa2}, {@code rsa3},
 * {@code ec256}, {@code ec384}, {@code ec521}. Key ids are the RFC 7638 thumbprints, as upstream's tests use.
 */
public final class TestKeys {

    private static final Map<String, JWK> KEYS = new LinkedHashMap<>();

    private TestKeys() {
    }

    public static synchronized JWK privateKey(String name) {
        return KEYS.computeIfAbsent(name, TestKeys::generate);
    }

    public static JWK publicKey(String name) {
        return privateKey(name).toPublicJWK();
    }

    /** The algorithm a key signs with unless a case says otherwise. */
    public static JWSAlgorithm defaultAlgorithm(String name) {
        JWK key = privateKey(name);
        if (key instanceof ECKey ec) {
            return ec.getCurve().equals(Curve.P_256) ? JWSAlgorithm.ES256
                    : ec.getCurve().equals(Curve.P_384) ? JWSAlgorithm.ES384 : JWSAlgorithm.ES512;
        }
        return JWSAlgorithm.RS256;
    }

    private static JWK generate(String name) {
        try {
            if (name.startsWith("rsa")) {
                return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            }
            Curve curve = switch (name) {
                case "ec256" -> Curve.P_256;
                case "ec384" -> Curve.P_384;
                case "ec521" -> Curve.P_521;
                default -> throw new IllegalArgumentException("unknown test key " + name);
            };
            return new ECKeyGenerator(curve).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER SubjectPublicKeyInfo of an RSA key: what an algorithm-confusion attacker uses as HMAC secret. */
    public static byte[] publicKeyDer(String name) {
        try {
            return ((RSAKey) privateKey(name)).toRSAPublicKey().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
