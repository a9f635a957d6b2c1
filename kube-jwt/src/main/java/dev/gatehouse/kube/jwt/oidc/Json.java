package dev.gatehouse.kube.jwt.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.io.IOException;

/** JSON parsing shared by token, discovery and JWKS handling. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private Json() {
    }

    /** A JSON document that could not be used; the message is short and never contains the whole input. */
    static final class JsonException extends Exception {
        JsonException(String message) {
            super(message);
        }
    }

    /** Parses a JSON object, as {@code json.Unmarshal} into a map or struct would accept it. */
    static JsonNode parseObject(byte[] bytes) throws JsonException {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new JsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new JsonException(String.valueOf(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw new JsonException("unexpected end of JSON input");
        }
        if (!node.isObject() && !node.isNull()) {
            throw new JsonException("json: cannot unmarshal " + GoFormat.jsonKind(node) + " into Go value of type map");
        }
        return node.isNull() ? MAPPER.createObjectNode() : node;
    }
}
