package dev.gatehouse.kube.meta.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient reads from Kubernetes JSON objects with Go zero-value semantics: a missing or null field reads as
 * {@code ""}, {@code 0}, {@code false}, an empty list or map, as the Go struct would after decoding.
 */
public final class Json {
    private Json() {
    }

    /** The node at a JSON pointer ({@code /spec/nodeName}); {@link MissingNode} when absent. */
    public static JsonNode at(JsonNode node, String pointer) {
        return node == null ? MissingNode.getInstance() : node.at(pointer);
    }

    public static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** Text of a string field; numbers and booleans as their JSON text; {@code ""} when absent. */
    public static String text(JsonNode node, String pointer) {
        return text(at(node, pointer));
    }

    public static String text(JsonNode value) {
        if (!present(value) || value.isContainerNode()) {
            return "";
        }
        return value.asText();
    }

    public static long integer(JsonNode node, String pointer) {
        JsonNode v = at(node, pointer);
        return present(v) && v.isNumber() ? v.asLong() : 0L;
    }

    public static boolean bool(JsonNode node, String pointer) {
        JsonNode v = at(node, pointer);
        return present(v) && v.asBoolean(false);
    }

    /** Elements of an array field; empty when absent or not an array. */
    public static List<JsonNode> array(JsonNode node, String pointer) {
        JsonNode v = at(node, pointer);
        List<JsonNode> out = new ArrayList<>();
        if (present(v) && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /** Number of entries of an object or array field; 0 when absent. */
    public static int size(JsonNode node, String pointer) {
        JsonNode v = at(node, pointer);
        return present(v) && v.isContainerNode() ? v.size() : 0;
    }

    /** A {@code map[string]string} field in document order; non-string values as their JSON text. */
    public static Map<String, String> stringMap(JsonNode node, String pointer) {
        JsonNode v = at(node, pointer);
        Map<String, String> out = new LinkedHashMap<>();
        if (present(v) && v.isObject()) {
            v.fields().forEachRemaining(e -> out.put(e.getKey(), text(e.getValue())));
        }
        return out;
    }

    /** A {@code []string} field; non-string entries as their JSON text. */
    public static List<String> stringList(JsonNode node, String pointer) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(node, pointer)) {
            out.add(text(e));
        }
        return out;
    }

    /**
     * A {@code metav1.Time} or {@code metav1.MicroTime} field. Empty for absent, null, unparseable or the Go zero
     * time ({@code 0001-01-01T00:00:00Z}), matching {@code Time.IsZero()}.
     */
    public static Optional<Instant> time(JsonNode node, String pointer) {
        return parseTime(text(node, pointer));
    }

    public static Optional<Instant> parseTime(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant t = OffsetDateTime.parse(s).toInstant();
            return t.equals(GO_ZERO_TIME) ? Optional.empty() : Optional.of(t);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Go's zero {@code time.Time}. */
    public static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
}
