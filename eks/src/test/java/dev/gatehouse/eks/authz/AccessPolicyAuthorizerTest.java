package dev.gatehouse.eks.authz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.eks.EksTokenAuthenticator;
import dev.gatehouse.eks.mapping.EksDirectory;
import dev.gatehouse.eks.mapping.Fixtures;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.request.RequestInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessPolicyAuthorizerTest {
  private static final String CLUSTER = "c1";
  private static final String DEV_ARN = "arn:aws:iam::111122223333:role/dev";
  private static final AccessPolicies POLICIES = AccessPolicies.load();

  static Stream<Arguments> cases() {
    return Fixtures.cases("/authz/access-policy-authz.yaml", "mode", "principalArn", "policies", "extra", "allow",
        "deny", "checks");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesAsEks(String name, JsonNode c) {
    AccessPolicyAuthorizer authorizer = new AccessPolicyAuthorizer(directory(c), POLICIES);
    UserInfo user = user(c.get("extra"));
    for (JsonNode r : c.path("allow")) {
      assertThat(authorizer.authorize(user, request(r)).kind()).as("allow %s", r).isEqualTo(Decision.Kind.ALLOW);
    }
    for (JsonNode r : c.path("deny")) {
      assertThat(authorizer.authorize(user, request(r))).as("deny %s", r).isEqualTo(Decision.noOpinion(""));
    }
    for (JsonNode check : c.path("checks")) {
      assertThat(authorizer.authorize(user, request(check.get("request"))))
          .isEqualTo(Decision.allow(check.get("reason").asText()));
    }
  }

  /** A user with a few groups and all extra keys: the common case, timed as the kube chain would call it. */
  @Test
  void decidesInAFewMicroseconds() {
    JsonNode c = cases().map(a -> (JsonNode) a.get()[1])
        .filter(n -> n.get("name").asText().startsWith("associations add up")).findFirst().orElseThrow();
    AccessPolicyAuthorizer authorizer = new AccessPolicyAuthorizer(directory(c), POLICIES);
    UserInfo user = user(null);
    RequestInfo allowed = new RequestInfo(CLUSTER, true, "", "create", "api", "", "v1", "team-a", "configmaps", "", "");
    RequestInfo denied = new RequestInfo(CLUSTER, true, "", "create", "api", "", "v1", "team-b", "configmaps", "", "");
    UserInfo other = new UserInfo("system:serviceaccount:a:b", "", List.of("system:serviceaccounts"), Map.of());
    int n = 200_000;
    for (int round = 0; round < 3; round++) { // the last round is measured, after the JIT has warmed up
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        authorizer.authorize(user, allowed);
        authorizer.authorize(user, denied);
        authorizer.authorize(other, denied);
      }
      long perCall = (System.nanoTime() - start) / (3L * n);
      if (round == 2) {
        System.out.println("AccessPolicyAuthorizer: " + perCall + " ns per decision");
        assertThat(perCall).as("ns per decision").isLessThan(20_000);
      }
    }
  }

  private static EksDirectory directory(JsonNode c) {
    String mode = c.path("mode").asText("API_AND_CONFIG_MAP");
    ObjectNode cluster = mode.equals("none") ? null : JsonNodeFactory.instance.objectNode().put("mode", mode);
    ObjectNode entry = JsonNodeFactory.instance.objectNode()
        .put("principalArn", c.path("principalArn").asText(DEV_ARN)).put("principalId", "AROADEV");
    entry.set("policies", c.path("policies"));
    return Fixtures.directory(CLUSTER, cluster, JsonNodeFactory.instance.arrayNode().add(entry));
  }

  private static UserInfo user(JsonNode extraNode) {
    Map<String, List<String>> extra = new LinkedHashMap<>();
    if (extraNode == null) {
      extra.put(EksTokenAuthenticator.EXTRA_PRINCIPAL_ID, List.of("AROADEV"));
      extra.put(EksTokenAuthenticator.EXTRA_AUTHENTICATOR_PRINCIPAL_ID, List.of("AROADEV"));
      extra.put(EksTokenAuthenticator.EXTRA_CANONICAL_ARN, List.of(DEV_ARN));
    } else {
      extraNode.properties().forEach(e -> extra.put(e.getKey(), Fixtures.strings(e.getValue())));
    }
    return new UserInfo("arn:aws:sts::111122223333:assumed-role/dev/s", "aws-iam-authenticator:111122223333:AROADEV",
        List.of("devs", "system:authenticated"), extra);
  }

  private static RequestInfo request(JsonNode r) {
    Fixtures.requireOnly(r, Set.of("verb", "group", "resource", "subresource", "namespace", "name", "path"));
    if (r.has("path")) {
      return RequestInfo.nonResource(CLUSTER, r.get("path").asText(), r.get("verb").asText());
    }
    String group = r.path("group").asText("");
    return new RequestInfo(CLUSTER, true, "", r.get("verb").asText(), group.isEmpty() ? "api" : "apis", group, "v1",
        r.path("namespace").asText(""), r.get("resource").asText(), r.path("subresource").asText(""),
        r.path("name").asText(""));
  }
}
