package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * A compact-serialised JWS taken apart the way upstream's service-account authenticator looks at bearer tokens:
 * <ol>
 *   <li>{@code hasCorrectIssuer}: three dot-separated parts whose middle one is base64url JSON with an {@code iss} we
 *       accept; anything else is not ours ({@link NotOurs});</li>
 *   <li>{@code jwt.ParseSigned}: the header and signature must decode too, else also not ours;</li>
 *   <li>then, in {@link #verify}, the signature against the candidate keys, accepting only RS256 so that {@code none},
 *       HMAC keyed with the public key and every other algorithm confusion fail.</li>
 * </ol>
 */
final class CompactJws {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final JWSHeader RS256 = new JWSHeader(JWSAlgorithm.RS256);

    /** What {@link #parse} makes of a token. */
    sealed interface Parsed permits NotOurs, Jws {
    }

    /** Not a JWS, or one whose unverified {@code iss} is not ours. {@code why} is for debugging only. */
    record NotOurs(String why) implements Parsed {
    }

    /** A structurally valid JWS with one of our issuers; nothing is verified yet. */
    record Jws(String signingInput, String signature, String algorithm, String keyId, boolean hasCriticalHeaders,
               JsonNode payload, String issuer) implements Parsed {
    }

    private CompactJws() {
    }

    static Parsed parse(String token, Predicate<String> isOurIssuer) {
        if (token.strip().startsWith("{")) {
            return new NotOurs("JSON serialisation");
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            return new NotOurs("not three parts");
        }
        JsonNode payload = decodeJson(token.substring(first + 1, second));
        if (payload == null || !payload.isObject()) {
            return new NotOurs("payload is not a JSON object");
        }
        JsonNode iss = payload.get("iss");
        if (iss != null && !iss.isNull() && !iss.isTextual()) {
            return new NotOurs("iss is not a string");
        }
        String issuer = iss == null || iss.isNull() ? "" : iss.textValue();
        if (!isOurIssuer.test(issuer)) {
            return new NotOurs("issuer is not ours");
        }
        JsonNode header = decodeJson(token.substring(0, first));
        String signature = token.substring(second + 1);
        if (header == null || !header.isObject() || decode(signature) == null) {
            return new NotOurs("header or signature does not decode");
        }
        JsonNode alg = header.get("alg");
        JsonNode kid = header.get("kid");
        if ((alg != null && !alg.isNull() && !alg.isTextual()) || (kid != null && !kid.isNull() && !kid.isTextual())) {
            return new NotOurs("header parameters of the wrong type");
        }
        return new Jws(token.substring(0, second), signature, alg == null ? "" : alg.asText(""),
                kid == null ? "" : kid.asText(""), header.has("crit"), payload, issuer);
    }

    /**
     * Checks the signature with each candidate key until one matches; returns the matching key's ID, or null. An
     * algorithm other than RS256 or a {@code crit} header fails without trying any key.
     */
    static String verify(Jws jws, List<VerificationKey> candidates) {
        if (!JWSAlgorithm.RS256.getName().equals(jws.algorithm()) || jws.hasCriticalHeaders()) {
            return null;
        }
        byte[] signingInput = jws.signingInput().getBytes(StandardCharsets.US_ASCII);
        Base64URL signature = new Base64URL(jws.signature());
        for (VerificationKey key : candidates) {
            try {
                if (new RSASSAVerifier(key.publicKey()).verify(RS256, signingInput, signature)) {
                    return key.keyId();
                }
            } catch (JOSEException e) {
                // A malformed signature for this key: try the next one, as upstream aggregates per-key errors.
            }
        }
        return null;
    }

    /** Go's {@code base64.RawURLEncoding}: no padding allowed. */
    private static byte[] decode(String part) {
        if (part.indexOf('=') >= 0) {
            return null;
        }
        try {
            return B64URL.decode(part);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode decodeJson(String part) {
        byte[] bytes = decode(part);
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
