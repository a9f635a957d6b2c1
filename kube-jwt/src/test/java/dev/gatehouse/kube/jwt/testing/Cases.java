package dev.gatehouse.kube.jwt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Loads table-driven cases from YAML resources. */
public final class Cases {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Cases() {
    }

    /** One {@code Arguments(name, node)} per list entry of the resource. */
    public static Stream<Arguments> load(String resource) {
        try (InputStream in = Cases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            JsonNode root = YAML.readTree(in);
            List<Arguments> out = new ArrayList<>();
            root.forEach(c -> out.add(Arguments.of(c.path("name").asText(), c)));
            return out.stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    public static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** The expected user from a {@code want} node: username, uid, groups, extra. */
    public static TokenAuthenticationResult.Authenticated user(JsonNode want, Templates templates) {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = want.path("extra").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            extra.put(e.getKey(), strings(e.getValue()));
        }
        return new TokenAuthenticationResult.Authenticated(templates.apply(text(want, "username")),
                text(want, "uid"), strings(want.get("groups")), extra);
    }

    /** {@code {{name}}} substitution. */
    public record Templates(Map<String, String> values) {
        public String apply(String s) {
            String out = s;
            for (Map.Entry<String, String> e : values.entrySet()) {
                out = out.replace("{{" + e.getKey() + "}}", e.getValue());
            }
            return out;
        }
    }
}
