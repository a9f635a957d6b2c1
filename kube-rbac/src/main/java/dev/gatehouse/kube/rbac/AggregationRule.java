package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A ClusterRole's {@code aggregationRule}: {@code metav1.LabelSelector} objects kept as JSON so they can be
 * written back unchanged. A role with an aggregation rule but no selectors is still "aggregated" (its rules
 * are emptied by the controller), which is why a present-but-empty rule differs from none.
 */
public record AggregationRule(List<JsonNode> clusterRoleSelectors) {

    public AggregationRule {
        List<JsonNode> copies = new ArrayList<>(clusterRoleSelectors.size());
        clusterRoleSelectors.forEach(s -> copies.add(s.deepCopy()));
        clusterRoleSelectors = List.copyOf(copies);
    }

    /** Null when the object has no (or a null) {@code aggregationRule}. */
    public static AggregationRule fromJson(JsonNode rule) {
        if (!Fields.present(rule)) {
            return null;
        }
        return new AggregationRule(Fields.array(rule, "clusterRoleSelectors"));
    }

    public boolean hasSelectors() {
        return !clusterRoleSelectors.isEmpty();
    }

    public ObjectNode toJson() {
        ObjectNode o = Fields.NODES.objectNode();
        if (!clusterRoleSelectors.isEmpty()) {
            ArrayNode a = o.putArray("clusterRoleSelectors");
            clusterRoleSelectors.forEach(s -> a.add(s.deepCopy()));
        }
        return o;
    }

    /**
     * apimachinery's semantic equality for label selectors: empty {@code matchLabels} / {@code matchExpressions}
     * (or empty {@code values}) equal absent ones.
     */
    static boolean sameSelector(JsonNode a, JsonNode b) {
        return normalized(a).equals(normalized(b));
    }

    private static JsonNode normalized(JsonNode node) {
        if (node == null || node.isNull()) {
            return Fields.NODES.objectNode();
        }
        if (node.isObject()) {
            ObjectNode out = Fields.NODES.objectNode();
            node.properties().forEach(e -> {
                JsonNode v = normalized(e.getValue());
                if (!(v.isContainerNode() && v.isEmpty()) && !v.isNull()) {
                    out.set(e.getKey(), v);
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Fields.NODES.arrayNode();
            node.forEach(e -> out.add(normalized(e)));
            return out;
        }
        return node;
    }
}
