package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Policy evaluation against the cases of checker.yaml (ported from upstream checker_test.go). */
class PolicyCheckerTest {
    private static final JsonNode DATA = TestData.load("checker.yaml");
    private static final List<Set<Stage>> POLICY_STAGE_SETS =
            List.of(Set.of(), EnumSet.of(Stage.REQUEST_RECEIVED, Stage.RESPONSE_STARTED));

    @TestFactory
    Stream<DynamicTest> levelCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Set<Stage> policyStages : POLICY_STAGE_SETS) {
            for (JsonNode c : DATA.path("levelCases")) {
                String name = c.path("request").asText() + " " + c.path("rules") + " policyOmitStages=" + policyStages;
                tests.add(DynamicTest.dynamicTest(name, () -> check(c, policyStages,
                        Level.fromWireName(c.path("level").asText()).orElseThrow(), policyStages)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> stageCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : DATA.path("stageCases")) {
            String name = c.path("request").asText() + " " + c.path("rules") + " policyOmitStages="
                    + c.path("policyOmitStages");
            tests.add(DynamicTest.dynamicTest(name, () -> check(c, stages(c.path("policyOmitStages")),
                    Level.fromWireName(c.path("level").asText()).orElseThrow(), stages(c.path("omitStages")))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> managedFieldsCases() {
        RequestAttributes request = new RequestAttributes(null, null, "get", false, "", "", "", "", "", "", "");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : DATA.path("managedFieldsCases")) {
            tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> {
                ObjectNode rule = TestData.JSON.createObjectNode().put("level", "RequestResponse");
                rule.putArray("verbs").add("get");
                if (!c.path("rule").isNull()) {
                    rule.put("omitManagedFields", c.path("rule").asBoolean());
                }
                ObjectNode policy = policyDocument(List.of(rule), Set.of());
                policy.put("omitManagedFields", c.path("policy").asBoolean());
                RuleEvaluation evaluation = AuditPolicy.parse(policy.toString()).evaluate(request);
                assertThat(evaluation.omitManagedFields()).isEqualTo(c.path("want").asBoolean());
                assertThat(evaluation.level()).isEqualTo(Level.REQUEST_RESPONSE);
            }));
        }
        return tests.stream();
    }

    @Test
    void defaultPolicyAuditsEverythingAtMetadataInAllStages() {
        for (JsonNode request : DATA.path("requests")) {
            RuleEvaluation evaluation = AuditPolicy.defaultPolicy().evaluate(TestData.attributes(request));
            assertThat(evaluation).isEqualTo(new RuleEvaluation(Level.METADATA, Set.of(), false));
        }
    }

    private static void check(JsonNode c, Set<Stage> policyStages, Level expectedLevel, Set<Stage> expectedStages) {
        JsonNode request = DATA.path("requests").path(c.path("request").asText());
        assertThat(request.isObject()).as("request %s is defined", c.path("request")).isTrue();
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode ruleName : c.path("rules")) {
            JsonNode rule = DATA.path("rules").path(ruleName.asText());
            assertThat(rule.isObject()).as("rule %s is defined", ruleName).isTrue();
            rules.add(rule);
        }
        // Upstream's evaluator accepts a policy without rules; the file loader does not, so build that one directly.
        AuditPolicy policy = rules.isEmpty()
                ? new AuditPolicy(List.of(), policyStages, false, List.of())
                : AuditPolicy.parse(policyDocument(rules, policyStages).toString());

        RuleEvaluation evaluation = policy.evaluate(TestData.attributes(request));

        assertThat(evaluation.level()).isEqualTo(expectedLevel);
        assertThat(evaluation.omitStages()).containsExactlyInAnyOrderElementsOf(expectedStages);
    }

    private static ObjectNode policyDocument(List<JsonNode> rules, Set<Stage> policyStages) {
        ObjectNode policy = TestData.JSON.createObjectNode()
                .put("apiVersion", "audit.k8s.io/v1")
                .put("kind", "Policy");
        ArrayNode stages = policy.putArray("omitStages");
        policyStages.forEach(stage -> stages.add(stage.wireName()));
        ArrayNode ruleArray = policy.putArray("rules");
        rules.forEach(ruleArray::add);
        return policy;
    }

    private static Set<Stage> stages(JsonNode names) {
        EnumSet<Stage> stages = EnumSet.noneOf(Stage.class);
        for (JsonNode name : names) {
            stages.add(Stage.fromWireName(name.asText()).orElseThrow());
        }
        return stages;
    }
}
