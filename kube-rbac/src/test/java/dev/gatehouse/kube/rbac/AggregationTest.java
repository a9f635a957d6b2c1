package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AggregationTest {

    static Stream<Arguments> cases() {
        return Fixtures.cases("aggregation.yaml", "clusterRoles", "updates", "problems");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aggregatesAsTheController(String name, JsonNode c) {
        Aggregation.Result result = Aggregation.updates(Fixtures.clusterRoles(c.get("clusterRoles")));

        Map<String, List<PolicyRule>> expected = new LinkedHashMap<>();
        c.get("updates").properties().forEach(e -> expected.put(e.getKey(), Fixtures.rules(e.getValue())));
        Map<String, List<PolicyRule>> actual = new LinkedHashMap<>();
        result.updates().forEach(u -> actual.put(u.name(), u.rules()));
        assertThat(actual).isEqualTo(expected);

        Map<String, String> problems = new LinkedHashMap<>();
        result.problems().forEach(p -> problems.put(p.name(), p.message()));
        Map<String, String> expectedProblems = new LinkedHashMap<>();
        c.path("problems").properties().forEach(e -> expectedProblems.put(e.getKey(), e.getValue().asText()));
        assertThat(problems).isEqualTo(expectedProblems);
    }

    @Test
    void bootstrapAdminEditViewAggregateFromTheAggregateToRoles() {
        List<Role> roles = new ArrayList<>();
        BootstrapPolicy.load().clusterRoles().forEach(o -> roles.add(Role.fromJson(o)));
        Aggregation.Result result = Aggregation.updates(roles);

        Map<String, List<PolicyRule>> updates = new LinkedHashMap<>();
        result.updates().forEach(u -> updates.put(u.name(), u.rules()));
        assertThat(updates.keySet()).containsExactly("admin", "edit", "view");
        assertThat(result.problems()).isEmpty();
        Role viewSource = roles.stream().filter(r -> r.name().equals("system:aggregate-to-view")).findFirst().orElseThrow();
        assertThat(updates.get("view")).isEqualTo(viewSource.rules());
        // edit aggregates aggregate-to-edit and, through its label, everything view aggregates
        assertThat(updates.get("edit")).containsAll(viewSource.rules());
        assertThat(updates.get("admin")).containsAll(updates.get("edit"));

        // once written back, nothing changes any more
        List<Role> settled = new ArrayList<>();
        for (Role r : roles) {
            List<PolicyRule> rules = updates.getOrDefault(r.name(), r.rules());
            settled.add(new Role(r.name(), r.namespace(), r.labels(), r.annotations(), rules, r.aggregationRule()));
        }
        assertThat(Aggregation.updates(settled).updates()).isEmpty();
    }
}
