package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A Role ({@code namespace} set) or ClusterRole ({@code namespace} empty), as far as RBAC needs it.
 * {@code aggregationRule} is null for roles that are not aggregated.
 */
public record Role(String name, String namespace, Map<String, String> labels, Map<String, String> annotations,
                   List<PolicyRule> rules, AggregationRule aggregationRule) {

    public Role {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        rules = List.copyOf(rules);
    }

    public static Role clusterRole(String name, List<PolicyRule> rules) {
        return new Role(name, "", Map.of(), Map.of(), rules, null);
    }

    public static Role namespaced(String namespace, String name, List<PolicyRule> rules) {
        return new Role(name, namespace, Map.of(), Map.of(), rules, null);
    }

    /** Reads a stored Role or ClusterRole object; which one it is follows from {@code metadata.namespace}. */
    public static Role fromJson(JsonNode object) {
        JsonNode meta = Fields.metadata(object);
        return new Role(Fields.text(meta, "name"), Fields.text(meta, "namespace"), Fields.stringMap(meta, "labels"),
                Fields.stringMap(meta, "annotations"), PolicyRule.listFromJson(object.get("rules")),
                AggregationRule.fromJson(object.get("aggregationRule")));
    }

    public boolean isClusterRole() {
        return namespace.isEmpty();
    }
}
