package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the YAML case files under src/test/resources/dev/gatehouse/kube/audit and converts common shapes. */
final class TestData {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private TestData() {
    }

    static JsonNode load(String name) {
        try (InputStream in = TestData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + name);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            values.add(item.asText());
        }
        return values;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static RequestAttributes attributes(JsonNode node) {
        JsonNode user = node.get("user");
        return new RequestAttributes(user == null || user.isNull() ? null : user.asText(),
                strings(node.path("groups")), text(node, "verb"), node.path("resourceRequest").asBoolean(false),
                text(node, "apiGroup"), text(node, "apiVersion"), text(node, "resource"), text(node, "subresource"),
                text(node, "namespace"), text(node, "name"), text(node, "path"));
    }

    static AuditUser user(JsonNode node) {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        node.path("extra").fields().forEachRemaining(entry -> extra.put(entry.getKey(), strings(entry.getValue())));
        return new AuditUser(text(node, "username"), text(node, "uid"), strings(node.path("groups")), extra);
    }

    static RequestMetadata metadata(JsonNode node) {
        JsonNode user = node.get("user");
        return new RequestMetadata(text(node, "auditID"), text(node, "requestURI"), text(node, "userAgent"),
                strings(node.path("sourceIPs")), Instant.parse(text(node, "receivedAt")),
                user == null ? null : user(user));
    }
}
