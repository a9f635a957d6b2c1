package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectsAndRulesTest {

    static Stream<Arguments> appliesTo() {
        return Fixtures.cases("applies-to.yaml", "subjects", "user", "namespace", "index");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appliesTo")
    void firstApplyingSubject(String name, JsonNode c) {
        List<Subject> subjects = new ArrayList<>();
        c.get("subjects").forEach(s -> subjects.add(Subject.fromJson(Fixtures.subject(s.asText()))));
        Binding binding = new Binding("b", Fixtures.text(c, "namespace"), Map.of(), Map.of(),
                new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "r"), subjects);
        JsonNode user = c.get("user");
        String userName = Fixtures.text(user, "name");
        List<String> groups = Fixtures.strings(user.get("groups"));
        int expected = c.has("index") ? c.get("index").asInt() : -1;
        assertThat(binding.firstSubjectFor(userName, groups)).isEqualTo(expected);
        assertThat(new ResolvedBinding(binding, List.of(), null).firstSubjectFor(userName, groups))
                .as("prepared subjects").isEqualTo(expected);
    }

    static Stream<Arguments> rulesFor() {
        return Fixtures.cases("rules-for.yaml", "policy", "queries");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesFor")
    void rulesForUser(String name, JsonNode c) {
        RbacPolicy policy = Fixtures.policy(c.get("policy"));
        for (JsonNode q : c.get("queries")) {
            String user = Fixtures.text(q, "user");
            List<String> groups = Fixtures.strings(q.get("groups"));
            String namespace = Fixtures.text(q, "namespace");

            ResolvedRules resolved = policy.rulesFor(user, groups, namespace);
            assertThat(resolved.rules()).as("%s", q).isEqualTo(Fixtures.rules(q.get("rules")));
            assertThat(resolved.authorizerError()).isEqualTo(Fixtures.text(q, "errors"));
            assertThat(resolved.registryError()).isEqualTo(Fixtures.text(q, "registryErrors"));
            if (q.has("review")) {
                assertThat(policy.subjectRules(user, groups, namespace).toJson()).isEqualTo(q.get("review"));
            }
        }
    }
}
