package dev.gatehouse.kube.jwt.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code status} of a TokenReview answer (same shape in v1 and v1beta1).
 *
 * @param authenticated {@code status.authenticated}
 * @param username      {@code status.user.username}
 * @param uid           {@code status.user.uid}
 * @param groups        {@code status.user.groups}
 * @param extra         {@code status.user.extra}
 * @param audiences     {@code status.audiences}
 * @param error         {@code status.error}
 */
record TokenReviewResponse(boolean authenticated, String username, String uid, List<String> groups,
                           Map<String, List<String>> extra, List<String> audiences, String error) {

    static final class DecodeException extends Exception {
        DecodeException(String message) {
            super(message);
        }
    }

    static TokenReviewResponse parse(ObjectMapper json, byte[] body) throws DecodeException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new DecodeException("couldn't decode TokenReview response: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DecodeException("couldn't decode TokenReview response: not a JSON object");
        }
        JsonNode status = root.path("status");
        JsonNode user = status.path("user");
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = user.path("extra").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            extra.put(e.getKey(), strings(e.getValue()));
        }
        return new TokenReviewResponse(status.path("authenticated").asBoolean(false),
                user.path("username").asText(""), user.path("uid").asText(""), strings(user.path("groups")), extra,
                strings(status.path("audiences")), status.path("error").asText(""));
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> out.add(element.asText("")));
        }
        return out;
    }
}
