package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default Roles, ClusterRoles and bindings kube-apiserver v1.32.4 creates and reconciles at start-up with default
 * feature gates: its golden files bundled under {@code bootstrap/} (origin in {@code bootstrap/NOTICE.md}), with the
 * deliberate changes of {@code bootstrap/differences.yaml} (explained in {@code bootstrap/DIFFERENCES.md}; currently
 * none) applied. Objects are {@code rbac.authorization.k8s.io/v1} JSON, annotated
 * {@code rbac.authorization.kubernetes.io/autoupdate: "true"}; callers get fresh copies they may change.
 */
public final class BootstrapPolicy {
    static final String RESOURCE_DIR = "/dev/gatehouse/kube/rbac/bootstrap/";

    /** The golden files, in the order kube-apiserver reconciles their contents. */
    public static final List<String> FILES = List.of("cluster-roles.yaml", "controller-roles.yaml",
            "cluster-role-bindings.yaml", "controller-role-bindings.yaml", "namespace-roles.yaml",
            "namespace-role-bindings.yaml");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static volatile BootstrapPolicy loaded;

    /** One recorded change from a golden file: an added object, or the removal of a named one. */
    public record Difference(String file, String change, String kind, String name, String why, JsonNode object) {
    }

    private final Map<String, List<ObjectNode>> byFile;
    private final List<Difference> differences;

    private BootstrapPolicy(Map<String, List<ObjectNode>> byFile, List<Difference> differences) {
        this.byFile = byFile;
        this.differences = List.copyOf(differences);
    }

    /** The bundled policy (loaded once). */
    public static BootstrapPolicy load() {
        BootstrapPolicy p = loaded;
        if (p == null) {
            synchronized (BootstrapPolicy.class) {
                p = loaded;
                if (p == null) {
                    p = read();
                    loaded = p;
                }
            }
        }
        return p;
    }

    private static BootstrapPolicy read() {
        List<Difference> differences = new ArrayList<>();
        for (JsonNode d : readResource("differences.yaml").path("differences")) {
            differences.add(new Difference(Fields.text(d, "file"), Fields.text(d, "change"),
                    d.has("object") ? Fields.text(d.get("object"), "kind") : Fields.text(d, "kind"),
                    d.has("object") ? Fields.text(Fields.metadata(d.get("object")), "name") : Fields.text(d, "name"),
                    Fields.text(d, "why"), d.get("object")));
        }
        Map<String, List<ObjectNode>> byFile = new LinkedHashMap<>();
        for (String file : FILES) {
            List<ObjectNode> items = goldenFile(file);
            for (Difference d : differences) {
                if (!d.file().equals(file)) {
                    continue;
                }
                switch (d.change()) {
                    case "remove" -> {
                        boolean removed = items.removeIf(o -> Fields.text(o, "kind").equals(d.kind())
                                && Fields.text(Fields.metadata(o), "name").equals(d.name()));
                        if (!removed) {
                            throw new IllegalStateException(file + " has no " + d.kind() + " " + d.name() + " to remove");
                        }
                    }
                    case "add" -> items.add(normalized(d.object()));
                    default -> throw new IllegalStateException("unknown change " + d.change() + " in differences.yaml");
                }
            }
            // Keep upstream's layout: golden files list objects by namespace, then name.
            items.sort(Comparator.<ObjectNode, String>comparing(o -> Fields.text(Fields.metadata(o), "namespace"),
                    GoText::compare).thenComparing(o -> Fields.text(Fields.metadata(o), "name"), GoText::compare));
            byFile.put(file, List.copyOf(items));
        }
        return new BootstrapPolicy(byFile, differences);
    }

    /** The objects of one bundled golden file exactly as shipped, minus the null creationTimestamp. */
    public static List<ObjectNode> goldenFile(String file) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode item : readResource(file).path("items")) {
            out.add(normalized(item));
        }
        return out;
    }

    private static ObjectNode normalized(JsonNode item) {
        ObjectNode copy = item.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode meta && meta.has("creationTimestamp")
                && meta.get("creationTimestamp").isNull()) {
            meta.remove("creationTimestamp");
        }
        return copy;
    }

    private static JsonNode readResource(String name) {
        try (InputStream in = BootstrapPolicy.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + RESOURCE_DIR + name);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The policy objects that came from one golden file, after the recorded differences. */
    public List<ObjectNode> file(String file) {
        List<ObjectNode> items = byFile.get(file);
        if (items == null) {
            throw new IllegalArgumentException("not a bootstrap policy file: " + file);
        }
        return copies(items);
    }

    /** The ClusterRoles: the general ones, then the {@code system:controller:*} ones. */
    public List<ObjectNode> clusterRoles() {
        return concat("cluster-roles.yaml", "controller-roles.yaml");
    }

    public List<ObjectNode> clusterRoleBindings() {
        return concat("cluster-role-bindings.yaml", "controller-role-bindings.yaml");
    }

    /** The Roles in {@code kube-system} and {@code kube-public}. */
    public List<ObjectNode> roles() {
        return file("namespace-roles.yaml");
    }

    public List<ObjectNode> roleBindings() {
        return file("namespace-role-bindings.yaml");
    }

    /** Everything, in the order kube-apiserver reconciles it: ClusterRoles, ClusterRoleBindings, Roles, RoleBindings. */
    public List<ObjectNode> all() {
        List<ObjectNode> out = new ArrayList<>();
        FILES.forEach(f -> out.addAll(file(f)));
        return out;
    }

    public List<Difference> differences() {
        return differences;
    }

    private List<ObjectNode> concat(String first, String second) {
        List<ObjectNode> out = new ArrayList<>(file(first));
        out.addAll(file(second));
        return out;
    }

    private static List<ObjectNode> copies(List<ObjectNode> items) {
        List<ObjectNode> out = new ArrayList<>(items.size());
        items.forEach(i -> out.add(i.deepCopy()));
        return out;
    }
}
