package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizerTest {

    static Stream<Arguments> cases() {
        return Fixtures.cases("authorizer.yaml", "policy", "allow", "deny", "checks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsUpstream(String name, JsonNode c) {
        RbacPolicy policy = Fixtures.policy(c.get("policy"));
        for (JsonNode r : c.path("allow")) {
            assertThat(policy.authorize(Fixtures.request(r)).kind()).as("allow %s", r).isEqualTo(Decision.Kind.ALLOW);
        }
        for (JsonNode r : c.path("deny")) {
            assertThat(policy.authorize(Fixtures.request(r)).kind()).as("deny %s", r)
                    .isEqualTo(Decision.Kind.NO_OPINION);
        }
        for (JsonNode check : c.path("checks")) {
            Decision d = policy.authorize(Fixtures.request(check.get("request")));
            assertThat(d).as("%s", check.get("request"))
                    .isEqualTo(new Decision(Decision.Kind.valueOf(check.get("decision").asText()),
                            check.get("reason").asText()));
        }
    }
}
