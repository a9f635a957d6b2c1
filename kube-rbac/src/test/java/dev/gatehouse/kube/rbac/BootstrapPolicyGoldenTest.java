package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap policy equals kube-apiserver v1.32.4's golden files (the oracle under {@code golden-1.32.4/}) except
 * for the recorded deliberate differences, names exactly the objects v1.32.4 creates, is self-consistent, and decides
 * as a v1.32.4 cluster's default policy does.
 */
class BootstrapPolicyGoldenTest {
    private static final BootstrapPolicy POLICY = BootstrapPolicy.load();
    private static final String ORACLE_DIR = "golden-1.32.4/";

    private static String key(JsonNode o) {
        JsonNode meta = o.get("metadata");
        String ns = meta.path("namespace").asText("");
        return o.get("kind").asText() + " " + (ns.isEmpty() ? "" : ns + "/") + meta.get("name").asText();
    }

    private static Map<String, JsonNode> byKey(List<? extends JsonNode> objects) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            assertThat(out.put(key(o), o)).as("duplicate %s", key(o)).isNull();
        }
        return out;
    }

    /** The v1.32.4 oracle under {@code golden-1.32.4/}, minus the null creationTimestamp upstream prints. */
    private static List<JsonNode> oracle(String file) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : Fixtures.file(ORACLE_DIR + file).path("items")) {
            ObjectNode copy = item.deepCopy();
            JsonNode stamp = copy.at("/metadata/creationTimestamp");
            if (stamp.isNull()) {
                ((ObjectNode) copy.get("metadata")).remove("creationTimestamp");
            }
            out.add(copy);
        }
        return out;
    }

    @Test
    void equalsTheV1324GoldenFilesExceptTheRecordedDifferences() {
        for (String file : BootstrapPolicy.FILES) {
            Map<String, JsonNode> expected = byKey(oracle(file));
            assertThat(expected).as("oracle %s", file).isNotEmpty();
            for (BootstrapPolicy.Difference d : POLICY.differences()) {
                if (!d.file().equals(file)) {
                    continue;
                }
                String k = d.kind() + " " + d.name();
                if (d.change().equals("remove")) {
                    assertThat(expected.remove(k)).as("%s: removed %s must be in v1.32.4", file, k).isNotNull();
                } else {
                    assertThat(expected.put(k, d.object())).as("%s: added %s must be new", file, k).isNull();
                }
            }
            Map<String, JsonNode> actual = byKey(POLICY.file(file));
            assertThat(actual.keySet()).as("objects of %s", file).containsExactlyInAnyOrderElementsOf(expected.keySet());
            // Object by object, so that a failure names the object; JSON equality keeps rule and subject order.
            expected.forEach((k, o) -> assertThat(actual.get(k)).as("%s: %s", file, k).isEqualTo(o));
        }
    }

    @Test
    void keepsUpstreamsObjectOrder() {
        for (String file : BootstrapPolicy.FILES) {
            List<String> expected = new ArrayList<>();
            oracle(file).forEach(o -> expected.add(key(o)));
            Set<String> changed = new HashSet<>();
            POLICY.differences().forEach(d -> changed.add(d.kind() + " " + d.name()));
            expected.removeAll(changed);
            List<String> actual = new ArrayList<>();
            POLICY.file(file).forEach(o -> actual.add(key(o)));
            actual.removeAll(changed);
            assertThat(actual).as(file).isEqualTo(expected);
        }
    }

    @Test
    void namesExactlyWhatV1324Creates() {
        JsonNode expected = Fixtures.file("bootstrap-1.32.yaml").get("files");
        for (String file : BootstrapPolicy.FILES) {
            List<String> names = new ArrayList<>();
            for (ObjectNode o : POLICY.file(file)) {
                String ns = o.at("/metadata/namespace").asText("");
                names.add((ns.isEmpty() ? "" : ns + "/") + o.at("/metadata/name").asText());
            }
            assertThat(names).as(file).isEqualTo(Fixtures.strings(expected.get(file)));
        }
    }

    @Test
    void everyDifferenceIsExplainedInDifferencesMd() throws IOException {
        String md = resourceText(BootstrapPolicy.RESOURCE_DIR + "DIFFERENCES.md");
        assertThat(BootstrapPolicy.class.getResource(BootstrapPolicy.RESOURCE_DIR + "NOTICE.md")).isNotNull();
        assertThat(Fixtures.class.getResource("/dev/gatehouse/kube/rbac/" + ORACLE_DIR + "NOTICE.md")).isNotNull();
        Set<String> recorded = new TreeSet<>();
        POLICY.differences().forEach(d -> {
            recorded.add(d.file() + " " + d.change() + " " + d.kind() + " " + d.name());
            assertThat(d.why()).as("why for %s", d.name()).isNotBlank();
        });
        assertThat(documentedDifferences(md)).isEqualTo(recorded);
    }

    /**
     * The rows of the table under "## Deliberate differences": {@code | `file` | change | Kind `name` | why |},
     * as "file change Kind name".
     */
    static Set<String> documentedDifferences(String md) {
        int start = md.indexOf("## Deliberate differences");
        assertThat(start).as("DIFFERENCES.md has a Deliberate differences section").isNotNegative();
        int end = md.indexOf("\n## ", start + 1);
        String section = end < 0 ? md.substring(start) : md.substring(start, end);
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\| (add|remove) \\| (\\w+) `([^`]+)` \\|", Pattern.MULTILINE);
        Set<String> out = new TreeSet<>();
        Matcher m = row.matcher(section);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
        }
        long tableRows = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| file") && !l.startsWith("| ---")).count();
        assertThat(out).as("every table row is of the form | `file` | add/remove | Kind `name` | why |").hasSize((int) tableRows);
        return out;
    }

    @Test
    void readsTheDocumentedDifferencesTable() {
        String md = "## Deliberate differences\n\n| file | change | object | why |\n| --- | --- | --- | --- |\n"
                + "| `controller-roles.yaml` | remove | ClusterRole `system:controller:x` | because |\n\n## History\n"
                + "| `cluster-roles.yaml` | add | ClusterRole `not-counted` | later section |\n";
        assertThat(documentedDifferences(md)).containsExactly("controller-roles.yaml remove ClusterRole system:controller:x");
    }

    private static String resourceText(String resource) throws IOException {
        try (InputStream in = BootstrapPolicy.class.getResourceAsStream(resource)) {
            assertThat(in).as("%s is bundled", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void isSelfConsistent() {
        Set<String> clusterRoles = new HashSet<>();
        POLICY.clusterRoles().forEach(o -> clusterRoles.add(o.at("/metadata/name").asText()));
        Set<String> roles = new HashSet<>();
        POLICY.roles().forEach(o -> roles.add(o.at("/metadata/namespace").asText() + "/" + o.at("/metadata/name").asText()));
        List<ObjectNode> bindings = new ArrayList<>(POLICY.clusterRoleBindings());
        bindings.addAll(POLICY.roleBindings());
        for (ObjectNode b : bindings) {
            Binding binding = Binding.fromJson(b);
            if (binding.roleRef().kind().equals("ClusterRole")) {
                assertThat(clusterRoles).as("role of %s", key(b)).contains(binding.roleRef().name());
            } else {
                assertThat(roles).as("role of %s", key(b)).contains(binding.namespace() + "/" + binding.roleRef().name());
            }
        }
        // Each controller role has its binding of the same name, and the other way round.
        Set<String> controllerRoles = new TreeSet<>();
        POLICY.file("controller-roles.yaml").forEach(o -> controllerRoles.add(o.at("/metadata/name").asText()));
        Set<String> controllerBindings = new TreeSet<>();
        POLICY.file("controller-role-bindings.yaml").forEach(o -> controllerBindings.add(o.at("/metadata/name").asText()));
        assertThat(controllerBindings).isEqualTo(controllerRoles);
        for (ObjectNode o : POLICY.all()) {
            assertThat(o.at("/metadata/annotations/rbac.authorization.kubernetes.io~1autoupdate").asText())
                    .as("autoupdate of %s", key(o)).isEqualTo("true");
            assertThat(o.at("/metadata/labels/kubernetes.io~1bootstrapping").asText())
                    .as("label of %s", key(o)).isEqualTo("rbac-defaults");
            assertThat(o.at("/metadata/creationTimestamp").isMissingNode()).isTrue();
        }
        assertThat(POLICY.all()).hasSize(POLICY.clusterRoles().size() + POLICY.clusterRoleBindings().size()
                + POLICY.roles().size() + POLICY.roleBindings().size());
    }

    @Test
    void reconcilingTheBootstrapPolicyAgainstItselfChangesNothing() {
        for (ObjectNode o : POLICY.all()) {
            boolean binding = o.get("kind").asText().endsWith("Binding");
            Reconciler.Result r = binding ? Reconciler.binding(o, o, false) : Reconciler.role(o, o, false);
            assertThat(r.operation()).as(key(o)).isEqualTo(Reconciler.Operation.NONE);
            Reconciler.Result created = binding ? Reconciler.binding(null, o, false) : Reconciler.role(null, o, false);
            assertThat(created.operation()).isEqualTo(Reconciler.Operation.CREATE);
            assertThat(created.object()).isEqualTo(o);
        }
    }

    static Stream<Arguments> decisions() {
        return Fixtures.cases("bootstrap-decisions.yaml", "extraBindings", "request", "decision", "reason", "checks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void decidesAsA132ClustersDefaultPolicy(String name, JsonNode c) {
        List<Role> clusterRoles = new ArrayList<>();
        POLICY.clusterRoles().forEach(o -> clusterRoles.add(Role.fromJson(o)));
        Map<String, List<PolicyRule>> aggregated = new LinkedHashMap<>();
        Aggregation.updates(clusterRoles).updates().forEach(u -> aggregated.put(u.name(), u.rules()));
        List<Role> roles = new ArrayList<>();
        for (Role r : clusterRoles) {
            roles.add(new Role(r.name(), r.namespace(), r.labels(), r.annotations(),
                    aggregated.getOrDefault(r.name(), r.rules()), r.aggregationRule()));
        }
        POLICY.roles().forEach(o -> roles.add(Role.fromJson(o)));
        List<Binding> bindings = new ArrayList<>();
        POLICY.clusterRoleBindings().forEach(o -> bindings.add(Binding.fromJson(o)));
        POLICY.roleBindings().forEach(o -> bindings.add(Binding.fromJson(o)));
        if (c.has("extraBindings")) {
            Fixtures.bindingObjects(c.get("extraBindings")).forEach(o -> bindings.add(Binding.fromJson(o)));
        }
        RbacPolicy policy = RbacPolicy.build(roles, bindings);

        List<JsonNode> checks = new ArrayList<>();
        if (c.has("checks")) {
            c.get("checks").forEach(checks::add);
        } else {
            checks.add(c);
        }
        for (JsonNode check : checks) {
            Decision d = policy.authorize(Fixtures.request(check.get("request")));
            assertThat(d).as("%s", check.get("request")).isEqualTo(new Decision(
                    Decision.Kind.valueOf(check.get("decision").asText()), check.get("reason").asText()));
        }
    }
}
