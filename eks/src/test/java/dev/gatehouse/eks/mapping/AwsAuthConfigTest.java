package dev.gatehouse.eks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AwsAuthConfigTest {
  static Stream<Arguments> cases() {
    return Fixtures.cases("/mapping/aws-auth-parse.yaml", "data", "configMap", "roles", "users", "accounts",
        "warnings", "errors");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsAsUpstream(String name, JsonNode c) {
    ParseResult result = c.has("configMap")
        ? AwsAuthConfig.parse((ObjectNode) c.get("configMap"))
        : AwsAuthConfig.parse(Fixtures.stringMap(c.get("data")));
    if (c.has("errors")) {
      assertThat(result).isInstanceOf(ParseResult.Malformed.class);
      assertThat(((ParseResult.Malformed) result).errors()).map(ConfigIssue::toString)
          .containsExactlyElementsOf(Fixtures.strings(c.get("errors")));
      return;
    }
    assertThat(result).as("%s", result).isInstanceOf(ParseResult.Parsed.class);
    ParseResult.Parsed parsed = (ParseResult.Parsed) result;
    assertThat(parsed.warnings()).map(ConfigIssue::toString)
        .containsExactlyElementsOf(Fixtures.strings(c.path("warnings")));
    assertThat(parsed.config().roles()).containsExactlyElementsOf(roles(c.path("roles")));
    assertThat(parsed.config().users()).containsExactlyElementsOf(users(c.path("users")));
    assertThat(parsed.config().accounts()).containsExactlyInAnyOrderElementsOf(Fixtures.strings(c.path("accounts")));
  }

  @Test
  void problemsAreWarningLinesForTheAwsAuthConfigMapOnly() throws Exception {
    ObjectNode broken = (ObjectNode) new ObjectMapper().readTree("""
        {"metadata": {"name": "aws-auth", "namespace": "kube-system"},
         "data": {"mapRoles": "- rolearn: arn:aws:iam::1:role/a\\n  username: [x]\\n", "mapusers": ""}}""");
    assertThat(AwsAuthConfig.problems(broken)).containsExactly(
        "aws-auth: data.mapRoles[0].username (line 2, column 13): expected a string, got a list"
            + " (the whole ConfigMap is ignored; the previous mappings stay in force)");

    ObjectNode warned = broken.deepCopy();
    ((ObjectNode) warned.get("data")).put("mapRoles", "- username: x\n");
    assertThat(AwsAuthConfig.problems(warned)).containsExactly(
        "aws-auth: data.mapusers: key is not read: keys are case-sensitive, did you mean \"mapUsers\"? (ignored)",
        "aws-auth: data.mapRoles[0] (line 1, column 3): one of rolearn or SSO must be supplied (ignored)");

    ObjectNode other = broken.deepCopy();
    ((ObjectNode) other.get("metadata")).put("name", "not-aws-auth");
    assertThat(AwsAuthConfig.problems(other)).isEmpty();
  }

  private static List<RoleMapping> roles(JsonNode list) {
    List<RoleMapping> out = new ArrayList<>();
    for (JsonNode r : list) {
      Fixtures.requireOnly(r, Set.of("rolearn", "sso", "username", "groups", "userId"));
      SsoMatcher sso = null;
      if (r.has("sso")) {
        JsonNode s = r.get("sso");
        sso = new SsoMatcher(s.path("permissionSetName").asText(), s.path("accountId").asText(),
            s.path("partition").asText());
      }
      out.add(new RoleMapping(r.path("rolearn").asText(""), sso, r.path("username").asText(""),
          Fixtures.strings(r.path("groups")), r.path("userId").asText("")));
    }
    return out;
  }

  private static List<UserMapping> users(JsonNode list) {
    List<UserMapping> out = new ArrayList<>();
    for (JsonNode u : list) {
      Fixtures.requireOnly(u, Set.of("userarn", "username", "groups", "userId"));
      out.add(new UserMapping(u.path("userarn").asText(), u.path("username").asText(""),
          Fixtures.strings(u.path("groups")), u.path("userId").asText("")));
    }
    return out;
  }
}
