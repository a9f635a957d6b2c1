package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationTest {

    static Stream<Arguments> covers() {
        return Fixtures.cases("covers.yaml", "owner", "requested", "uncovered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("covers")
    void coversAsComponentHelpers(String name, JsonNode c) {
        List<PolicyRule> owner = Fixtures.rules(c.get("owner"));
        List<PolicyRule> requested = Fixtures.rules(c.get("requested"));
        List<PolicyRule> expected = Fixtures.rules(c.get("uncovered"));
        assertThat(Covers.uncovered(owner, requested)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Covers.covers(owner, requested)).isEqualTo(expected.isEmpty());
    }

    @Test
    void urlCoversAsComponentHelpers() {
        for (JsonNode row : Fixtures.file("covers.yaml").get("urlCovers")) {
            String owner = row.get(0).asText();
            String requested = row.get(1).asText();
            assertThat(Covers.urlCovers(owner, requested)).as("%s covers %s", owner, requested)
                    .isEqualTo(row.get(2).asBoolean());
        }
    }

    static Stream<Arguments> escalation() {
        return Fixtures.cases("escalation.yaml", "policy", "user", "groups", "namespace", "requested", "message");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escalation")
    void confirmNoEscalationMessage(String name, JsonNode c) {
        RbacPolicy policy = Fixtures.policy(c.get("policy"));
        Optional<String> message = Escalation.confirmNoEscalation(policy, Fixtures.text(c, "user"),
                Fixtures.strings(c.get("groups")), Fixtures.text(c, "namespace"), Fixtures.rules(c.get("requested")));
        assertThat(message).isEqualTo(c.has("message") ? Optional.of(c.get("message").asText()) : Optional.empty());
    }

    @Test
    void forbiddenStatusMessagesAsTheRegistryWordsThem() {
        String cause = "user \"bob\" (groups=[]) is attempting to grant RBAC permissions not currently held:\n"
                + "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"get\"]}";
        assertThat(Escalation.forbiddenMessage("clusterroles", "reader", cause))
                .isEqualTo("clusterroles.rbac.authorization.k8s.io \"reader\" is forbidden: " + cause);
        assertThat(Escalation.forbiddenMessage("clusterroles", "agg", Escalation.AGGREGATION_RULE_MESSAGE))
                .isEqualTo("clusterroles.rbac.authorization.k8s.io \"agg\" is forbidden: "
                        + "must have cluster-admin privileges to use the aggregationRule");
    }

    @Test
    void bindAndEscalateChecksAskTheAuthorizerAsUpstream() {
        RoleRef ref = new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "view");
        assertThat(Escalation.bindAttributes("u", List.of("g"), ref, "team"))
                .contains(Attributes.resource("u", List.of("g"), "bind", "rbac.authorization.k8s.io", "clusterroles",
                        "", "team", "view"));
        assertThat(Escalation.bindAttributes("u", List.of(), new RoleRef("", "Thing", "x"), "")).isEmpty();

        RbacPolicy policy = Fixtures.policy(Fixtures.file("escalation-bind.yaml"));
        Attributes bindView = Escalation.bindAttributes("delegate", List.of(), ref, "team").orElseThrow();
        assertThat(policy.authorize(bindView).allowed()).isTrue();
        Attributes bindAdmin = Escalation.bindAttributes("delegate", List.of(),
                new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "admin"), "team").orElseThrow();
        assertThat(policy.authorize(bindAdmin).allowed()).isFalse();
        Attributes escalate = Escalation.escalateAttributes("delegate", List.of(), "rbac.authorization.k8s.io",
                "roles", "team", "");
        assertThat(policy.authorize(escalate).allowed()).isTrue();
        assertThat(Escalation.escalationAllowed(List.of("system:authenticated", "system:masters"))).isTrue();
        assertThat(Escalation.escalationAllowed(List.of("system:authenticated"))).isFalse();
    }

    @Test
    void aggregationRuleNeedsFullAuthority() {
        RbacPolicy policy = Fixtures.policy(Fixtures.file("escalation-bind.yaml"));
        assertThat(Escalation.confirmNoEscalation(policy, "root", List.of(), "", Escalation.FULL_AUTHORITY)).isEmpty();
        assertThat(Escalation.confirmNoEscalation(policy, "delegate", List.of(), "team", Escalation.FULL_AUTHORITY))
                .hasValue("user \"delegate\" (groups=[]) is attempting to grant RBAC permissions not currently held:\n"
                        + "{APIGroups:[\"*\"], Resources:[\"*\"], Verbs:[\"*\"]}\n"
                        + "{NonResourceURLs:[\"*\"], Verbs:[\"*\"]}");
    }
}
