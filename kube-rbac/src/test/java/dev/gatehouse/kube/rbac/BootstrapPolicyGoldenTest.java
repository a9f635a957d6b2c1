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
 * The bootstrap policy equals upstream's golden files except for the recorded differences, names exactly the
 * objects 1.32 creates, is self-consistent, and decides as a 1.32 cluster's default policy does.
 */
class BootstrapPolicyGoldenTest {
    private static final BootstrapPolicy POLICY = BootstrapPolicy.load();

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

    @Test
    void equalsTheGoldenFilesExceptTheRecordedDifferences() {
        for (String file : BootstrapPolicy.FILES) {
            Map<String, JsonNode> expected = byKey(BootstrapPolicy.goldenFile(file));
            for (BootstrapPolicy.Difference d : POLICY.differences()) {
                if (!d.file().equals(file)) {
                    continue;
                }
                String k = d.kind() + " " + d.name();
                if (d.change().equals("remove")) {
                    assertThat(expected.remove(k)).as("%s: removed %s must be in the golden file", file, k).isNotNull();
                } else {
                    assertThat(expected.put(k, d.object())).as("%s: added %s must be new", file, k).isNull();
                }
            }
            assertThat(byKey(POLICY.file(file))).as(file).isEqualTo(expected);
        }
    }

    @Test
    void namesExactlyWhat132Creates() {
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
        String md;
        try (InputStream in = BootstrapPolicy.class.getResourceAsStream(BootstrapPolicy.RESOURCE_DIR + "DIFFERENCES.md")) {
            assertThat(in).as("DIFFERENCES.md is bundled").isNotNull();
            md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(BootstrapPolicy.class.getResource(BootstrapPolicy.RESOURCE_DIR + "NOTICE.md")).isNotNull();
        Set<String> recorded = new TreeSet<>();
        POLICY.differences().forEach(d -> {
            recorded.add(d.name());
            assertThat(d.why()).as("why for %s", d.name()).isNotBlank();
        });
        // The names in the Added and Removed tables of DIFFERENCES.md.
        Set<String> documented = new TreeSet<>();
        String tables = md.substring(md.indexOf("## Added"), md.indexOf("## Kept"));
        Matcher m = Pattern.compile("`(system:[^`]+)`").matcher(tables);
        Set<String> subjectsAndGroups = Set.of("system:monitoring", "system:serviceaccounts");
        while (m.find()) {
            documented.add(m.group(1));
        }
        documented.removeIf(n -> subjectsAndGroups.contains(n) && !recorded.contains(n));
        assertThat(documented).isEqualTo(recorded);
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
