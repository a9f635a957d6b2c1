package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Test data under {@code src/test/resources/dev/gatehouse/kube/rbac}: YAML files of {@code cases}, each with a
 * {@code name}. Unknown keys fail, so a misspelt expectation cannot pass silently.
 *
 * <p>Policies are written compactly and turned into the Kubernetes JSON objects a server stores, so the tests go
 * through the same parsing as production:
 * <pre>
 * policy:
 *   clusterRoles: [{name, labels, aggregationRule: [selector...], rules: [PolicyRule JSON]}]
 *   roles: [{namespace, name, rules}]
 *   clusterRoleBindings: [{name, roleRef: "ClusterRole/admin", subjects: ["User:u", "Group:g", "ServiceAccount:ns/sa"]}]
 *   roleBindings: [{namespace, name, roleRef: "Role/r", subjects: ["ServiceAccount:sa"]}]
 * </pre>
 * A request is {@code {user, groups, verb, path}} (non-resource) or
 * {@code {user, groups, verb, apiGroup, resource, subresource, namespace, name}}.
 */
final class Fixtures {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fixtures() {
    }

    static JsonNode file(String path) {
        String resource = "/dev/gatehouse/kube/rbac/" + path;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test data " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases(String path, String... allowedKeys) {
        Set<String> allowed = Set.of(allowedKeys);
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : file(path).path("cases")) {
            for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("name") && !allowed.contains(key)) {
                    throw new IllegalStateException(path + ": case '" + c.path("name").asText() + "' has unknown key " + key);
                }
            }
            out.add(Arguments.of(c.path("name").asText(), c));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(path + " has no cases");
        }
        return out.stream();
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static List<PolicyRule> rules(JsonNode node) {
        return PolicyRule.listFromJson(node);
    }

    static Attributes request(JsonNode r) {
        Set<String> known = Set.of("user", "groups", "verb", "path", "apiGroup", "resource", "subresource",
                "namespace", "name");
        r.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                throw new IllegalStateException("request has unknown key " + k + ": " + r);
            }
        });
        if (r.has("path")) {
            return Attributes.nonResource(text(r, "user"), strings(r.get("groups")), text(r, "verb"), text(r, "path"));
        }
        return Attributes.resource(text(r, "user"), strings(r.get("groups")), text(r, "verb"), text(r, "apiGroup"),
                text(r, "resource"), text(r, "subresource"), text(r, "namespace"), text(r, "name"));
    }

    /** The compact policy as stored Kubernetes objects: roles first, then bindings. */
    static List<ObjectNode> roleObjects(JsonNode policy) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : policy.path("clusterRoles")) {
            out.add(roleObject("ClusterRole", "", r));
        }
        for (JsonNode r : policy.path("roles")) {
            out.add(roleObject("Role", text(r, "namespace"), r));
        }
        return out;
    }

    static List<ObjectNode> bindingObjects(JsonNode policy) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode b : policy.path("clusterRoleBindings")) {
            out.add(bindingObject("ClusterRoleBinding", "", b));
        }
        for (JsonNode b : policy.path("roleBindings")) {
            out.add(bindingObject("RoleBinding", text(b, "namespace"), b));
        }
        return out;
    }

    static RbacPolicy policy(JsonNode policy) {
        return RbacPolicy.fromJson(roleObjects(policy), bindingObjects(policy));
    }

    static List<Role> clusterRoles(JsonNode list) {
        List<Role> out = new ArrayList<>();
        for (JsonNode r : list) {
            out.add(Role.fromJson(roleObject("ClusterRole", "", r)));
        }
        return out;
    }

    static ObjectNode roleObject(String kind, String namespace, JsonNode r) {
        ObjectNode o = NODES.objectNode();
        o.put("apiVersion", "rbac.authorization.k8s.io/v1");
        o.put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", text(r, "name"));
        if (!namespace.isEmpty()) {
            meta.put("namespace", namespace);
        }
        if (r.has("labels")) {
            meta.set("labels", r.get("labels").deepCopy());
        }
        if (r.has("annotations")) {
            meta.set("annotations", r.get("annotations").deepCopy());
        }
        if (r.has("aggregationRule")) {
            ObjectNode agg = o.putObject("aggregationRule");
            if (r.get("aggregationRule").isArray()) {
                agg.set("clusterRoleSelectors", r.get("aggregationRule").deepCopy());
            }
        }
        if (r.has("rules")) {
            o.set("rules", r.get("rules").deepCopy());
        }
        return o;
    }

    static ObjectNode bindingObject(String kind, String namespace, JsonNode b) {
        ObjectNode o = NODES.objectNode();
        o.put("apiVersion", "rbac.authorization.k8s.io/v1");
        o.put("kind", kind);
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", text(b, "name"));
        if (!namespace.isEmpty()) {
            meta.put("namespace", namespace);
        }
        if (b.has("labels")) {
            meta.set("labels", b.get("labels").deepCopy());
        }
        if (b.has("annotations")) {
            meta.set("annotations", b.get("annotations").deepCopy());
        }
        String[] ref = text(b, "roleRef").split("/", 2);
        ObjectNode roleRef = o.putObject("roleRef");
        roleRef.put("apiGroup", "rbac.authorization.k8s.io");
        roleRef.put("kind", ref[0]);
        roleRef.put("name", ref.length > 1 ? ref[1] : "");
        ArrayNode subjects = o.putArray("subjects");
        for (JsonNode s : b.path("subjects")) {
            subjects.add(subject(s.asText()));
        }
        return o;
    }

    /** {@code User:name}, {@code Group:name}, {@code ServiceAccount:ns/name} or {@code ServiceAccount:name}. */
    static ObjectNode subject(String compact) {
        String[] kindName = compact.split(":", 2);
        ObjectNode s = NODES.objectNode();
        s.put("kind", kindName[0]);
        String name = kindName[1];
        if (kindName[0].equals("ServiceAccount")) {
            int slash = name.indexOf('/');
            if (slash >= 0) {
                s.put("namespace", name.substring(0, slash));
                name = name.substring(slash + 1);
            }
        } else {
            s.put("apiGroup", "rbac.authorization.k8s.io");
        }
        s.put("name", name);
        return s;
    }
}
