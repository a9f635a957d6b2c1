package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the fields of stored RBAC objects with Go decoding semantics: a missing or null field is the
 * zero value ({@code ""}, an empty list or map), so a half-filled object still evaluates as upstream would.
 */
final class Fields {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fields() {
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return present(v) && !v.isContainerNode() ? v.asText() : "";
    }

    static List<String> strings(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (!present(v) || !v.isArray() || v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            out.add(present(e) ? e.asText() : "");
        }
        return List.copyOf(out);
    }

    static Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (!present(v) || !v.isObject() || v.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.properties().forEach(e -> out.put(e.getKey(), present(e.getValue()) ? e.getValue().asText() : ""));
        return Collections.unmodifiableMap(out);
    }

    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (!present(v) || !v.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    static JsonNode metadata(JsonNode object) {
        return object == null ? null : object.get("metadata");
    }

    static ArrayNode stringArray(List<String> values) {
        ArrayNode a = NODES.arrayNode(values.size());
        values.forEach(a::add);
        return a;
    }

    static ObjectNode stringObject(Map<String, String> values) {
        ObjectNode o = NODES.objectNode();
        values.forEach(o::put);
        return o;
    }
}
