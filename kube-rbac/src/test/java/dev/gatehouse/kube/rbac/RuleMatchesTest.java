package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleMatchesTest {

    static Stream<Arguments> cases() {
        return Fixtures.cases("rule-matches.yaml", "rule", "matches", "misses");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleAllowsAsUpstream(String name, JsonNode c) {
        PolicyRule rule = PolicyRule.fromJson(c.get("rule"));
        RuleMatcher prepared = new RuleMatcher(rule);
        for (JsonNode r : c.path("matches")) {
            assertThat(rule.allows(Fixtures.request(r))).as("%s should match %s", rule, r).isTrue();
            assertThat(prepared.allows(Fixtures.request(r))).as("prepared %s should match %s", rule, r).isTrue();
        }
        for (JsonNode r : c.path("misses")) {
            assertThat(rule.allows(Fixtures.request(r))).as("%s should not match %s", rule, r).isFalse();
            assertThat(prepared.allows(Fixtures.request(r))).as("prepared %s should not match %s", rule, r).isFalse();
        }
    }
}
