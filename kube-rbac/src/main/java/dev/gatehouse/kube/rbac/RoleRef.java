package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A binding's {@code roleRef}: kind {@code Role} or {@code ClusterRole} (the apiGroup plays no part in lookup). */
public record RoleRef(String apiGroup, String kind, String name) {
    public static final String ROLE = "Role";
    public static final String CLUSTER_ROLE = "ClusterRole";

    public static RoleRef fromJson(JsonNode r) {
        return new RoleRef(Fields.text(r, "apiGroup"), Fields.text(r, "kind"), Fields.text(r, "name"));
    }

    public ObjectNode toJson() {
        ObjectNode o = Fields.NODES.objectNode();
        o.put("apiGroup", apiGroup);
        o.put("kind", kind);
        o.put("name", name);
        return o;
    }
}
