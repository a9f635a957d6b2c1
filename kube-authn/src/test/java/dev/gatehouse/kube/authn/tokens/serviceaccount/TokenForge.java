package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** Builds and takes apart JWTs independently of the code under test, for attacks and hand-made claims. */
final class TokenForge {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private TokenForge() {
    }

    static String b64(String s) {
        return ENC.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs header and payload JSON with a JCA algorithm such as SHA256withRSA. */
    static String sign(String header, String payload, PrivateKey key, String jcaAlgorithm) {
        String input = b64(header) + "." + b64(payload);
        try {
            Signature signature = Signature.getInstance(jcaAlgorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + ENC.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with the given secret, the classic public-key-as-HMAC-secret confusion. */
    static String hmac(String header, String payload, byte[] secret) {
        String input = b64(header) + "." + b64(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + ENC.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] parts(String token) {
        return token.split("\\.", -1);
    }

    static String decodePart(String part) {
        return new String(DEC.decode(part), StandardCharsets.UTF_8);
    }

    static ObjectNode decodeJson(String part) {
        try {
            return (ObjectNode) JSON.readTree(decodePart(part));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces payload members, keeping the original header and signature. */
    static String patchPayload(String token, Map<String, JsonNode> patch) {
        String[] p = parts(token);
        ObjectNode payload = decodeJson(p[1]);
        patch.forEach(payload::set);
        return p[0] + "." + b64(json(payload)) + "." + p[2];
    }
}
