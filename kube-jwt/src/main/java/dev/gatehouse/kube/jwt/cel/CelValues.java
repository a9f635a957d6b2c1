package dev.gatehouse.kube.jwt.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversions between token claims / user info and the values CEL programs consume and produce. */
public final class CelValues {

    private CelValues() {
    }

    /**
     * JSON to CEL input, as upstream's unstructured conversion: integral numbers that fit become int, every other
     * number double; null stays null.
     */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), fromJson(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(fromJson(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** The {@code user} variable: every field present, empty when unset (upstream fills them in the same way). */
    public static Map<String, Object> user(String username, String uid, List<String> groups,
                                           Map<String, List<String>> extra) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username == null ? "" : username);
        user.put("uid", uid == null ? "" : uid);
        user.put("groups", groups == null ? List.of() : List.copyOf(groups));
        Map<String, Object> extraValues = new LinkedHashMap<>();
        if (extra != null) {
            extra.forEach((k, v) -> extraValues.put(k, List.copyOf(v)));
        }
        user.put("extra", extraValues);
        return user;
    }

    /**
     * Upstream's {@code convertCELValueToStringList}: a string or a list of strings; "", [] and null mean absent
     * (empty result), empty strings inside a list are dropped.
     *
     * @return the strings, or empty Optional when the value has another type
     */
    public static Optional<List<String>> toStringList(Object value) {
        if (value instanceof String s) {
            return Optional.of(s.isEmpty() ? List.of() : List.of(s));
        }
        if (value instanceof NullValue) {
            return Optional.of(List.of());
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object element : list) {
                if (!(element instanceof String s)) {
                    return Optional.empty();
                }
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }
}
