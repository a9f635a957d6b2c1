package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A binding subject: {@code User}, {@code Group} or {@code ServiceAccount} (other kinds never match). */
public record Subject(String kind, String apiGroup, String name, String namespace) {
    public static final String USER = "User";
    public static final String GROUP = "Group";
    public static final String SERVICE_ACCOUNT = "ServiceAccount";
    static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

    public static Subject fromJson(JsonNode s) {
        return new Subject(Fields.text(s, "kind"), Fields.text(s, "apiGroup"), Fields.text(s, "name"),
                Fields.text(s, "namespace"));
    }

    public ObjectNode toJson() {
        ObjectNode o = Fields.NODES.objectNode();
        o.put("kind", kind);
        if (!apiGroup.isEmpty()) {
            o.put("apiGroup", apiGroup);
        }
        o.put("name", name);
        if (!namespace.isEmpty()) {
            o.put("namespace", namespace);
        }
        return o;
    }

    /**
     * The user name a ServiceAccount subject stands for, its namespace defaulting to the binding's; null when it
     * has no namespace at all (a ClusterRoleBinding subject without one matches nobody).
     */
    String serviceAccountUser(String bindingNamespace) {
        String ns = namespace.isEmpty() ? bindingNamespace : namespace;
        return ns.isEmpty() ? null : SERVICE_ACCOUNT_PREFIX + ns + ":" + name;
    }

    /** Upstream {@code appliesToUser}: does this subject name the user (directly, by group, or as its SA)? */
    boolean appliesTo(String user, java.util.List<String> groups, String bindingNamespace) {
        switch (kind) {
            case USER:
                return user.equals(name);
            case GROUP:
                return groups.contains(name);
            case SERVICE_ACCOUNT:
                String sa = serviceAccountUser(bindingNamespace);
                return sa != null && sa.equals(user);
            default:
                return false;
        }
    }

    /** Upstream {@code describeSubject}: {@code Group "g"}, {@code ServiceAccount "name/namespace"}. */
    String describe(String bindingNamespace) {
        if (kind.equals(SERVICE_ACCOUNT)) {
            String ns = namespace.isEmpty() ? bindingNamespace : namespace;
            return kind + " " + GoText.quote(name + "/" + ns);
        }
        return kind + " " + GoText.quote(name);
    }
}
