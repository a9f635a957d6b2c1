package dev.gatehouse.kube.jwt.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A compact JWS split and decoded the way go-jose v2's {@code ParseSigned} does it, before any verification.
 *
 * @param encodedHeader    the first part, as received
 * @param encodedPayload   the second part, as received
 * @param encodedSignature the third part, as received
 * @param header           the protected header
 * @param payload          the decoded payload bytes
 */
record CompactJws(String encodedHeader, String encodedPayload, String encodedSignature, JsonNode header,
                  byte[] payload) {

    /** The {@code alg} header, empty when absent or not a string. */
    String algorithm() {
        JsonNode alg = header.get("alg");
        return alg != null && alg.isTextual() ? alg.textValue() : "";
    }

    /** The {@code kid} header, empty when absent. */
    String keyId() {
        JsonNode kid = header.get("kid");
        return kid != null && kid.isTextual() ? kid.textValue() : "";
    }

    /** The parsed token, or go-jose's reason for refusing it. */
    record Parsed(Optional<CompactJws> jws, String problem) {
    }

    static Parsed parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return failure("square/go-jose: compact JWS format must have three parts");
        }
        Base64Url.Decoded header = Base64Url.decode(parts[0]);
        if (header.error().isPresent()) {
            return failure(header.error().get());
        }
        Base64Url.Decoded payload = Base64Url.decode(parts[1]);
        if (payload.error().isPresent()) {
            return failure(payload.error().get());
        }
        Base64Url.Decoded signature = Base64Url.decode(parts[2]);
        if (signature.error().isPresent()) {
            return failure(signature.error().get());
        }
        JsonNode headerJson;
        try {
            headerJson = Json.parseObject(header.bytes());
        } catch (Json.JsonException e) {
            return failure(e.getMessage());
        }
        return new Parsed(Optional.of(new CompactJws(parts[0], parts[1], parts[2], headerJson, payload.bytes())), "");
    }

    private static Parsed failure(String problem) {
        return new Parsed(Optional.empty(), problem);
    }
}
