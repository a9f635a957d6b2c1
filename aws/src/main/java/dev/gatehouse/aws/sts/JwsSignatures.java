package dev.gatehouse.aws.sts;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Web Keys and JWS signatures with the JDK's providers: RSA (RS256/384/512) and ECDSA on P-256/384/521
 * (ES256/384/512). Symmetric algorithms and {@code none} are refused: an issuer's public key must never serve as
 * an HMAC secret.
 */
final class JwsSignatures {
  /** JWS alg → (key type, JCA signature algorithm). ECDSA signatures are JWS's raw r||s, the P1363 form. */
  private static final Map<String, String[]> ALGORITHMS = Map.of(
      "RS256", new String[] {"RSA", "SHA256withRSA"},
      "RS384", new String[] {"RSA", "SHA384withRSA"},
      "RS512", new String[] {"RSA", "SHA512withRSA"},
      "ES256", new String[] {"EC", "SHA256withECDSAinP1363Format"},
      "ES384", new String[] {"EC", "SHA384withECDSAinP1363Format"},
      "ES512", new String[] {"EC", "SHA512withECDSAinP1363Format"});
  private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1",
      "P-521", "secp521r1");

  /** A usable public key from a JWKS. */
  record Jwk(String keyId, String type, String algorithm, PublicKey key) {}

  private JwsSignatures() {}

  static boolean supported(String alg) {
    return ALGORITHMS.containsKey(alg);
  }

  /** The key type ("RSA", "EC") an algorithm needs. */
  static String keyType(String alg) {
    return ALGORITHMS.get(alg)[0];
  }

  /** A JWK as a public key; empty for keys that cannot verify JWS (symmetric, unknown curve, marked "enc"). */
  static Optional<Jwk> parse(JsonNode jwk) {
    String kty = text(jwk, "kty");
    String use = text(jwk, "use");
    if (!use.isEmpty() && !use.equals("sig")) {
      return Optional.empty();
    }
    try {
      PublicKey key;
      if (kty.equals("RSA")) {
        key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
      } else if (kty.equals("EC") && CURVES.containsKey(text(jwk, "crv"))) {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(CURVES.get(text(jwk, "crv"))));
        ECParameterSpec curve = params.getParameterSpec(ECParameterSpec.class);
        key = KeyFactory.getInstance("EC").generatePublic(
            new ECPublicKeySpec(new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), curve));
      } else {
        return Optional.empty();
      }
      return Optional.of(new Jwk(text(jwk, "kid"), kty, text(jwk, "alg"), key));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code key} can verify {@code alg} (matching type, and the JWK's own alg if it names one). */
  static boolean fits(Jwk key, String alg) {
    return supported(alg) && key.type().equals(keyType(alg)) && (key.algorithm().isEmpty() || key.algorithm().equals(alg));
  }

  static boolean verify(WebIdentityToken token, Jwk key) {
    String alg = token.algorithm();
    if (!fits(key, alg)) {
      return false;
    }
    try {
      Signature s = Signature.getInstance(ALGORITHMS.get(alg)[1]);
      s.initVerify(key.key());
      s.update(token.signingInput());
      return s.verify(token.signature());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static BigInteger unsigned(JsonNode jwk, String field) {
    String v = text(jwk, field);
    if (v.isEmpty()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return new BigInteger(1, Base64.getUrlDecoder().decode(v.replaceAll("=+$", "")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.textValue() : "";
  }
}
