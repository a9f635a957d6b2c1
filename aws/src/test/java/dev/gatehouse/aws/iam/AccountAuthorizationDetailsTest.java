package dev.gatehouse.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.protocol.AwsError;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.aws.testing.AwsTestKit;
import dev.gatehouse.aws.testing.Botocore;
import dev.gatehouse.aws.testing.Nodes;
import dev.gatehouse.aws.testing.QueryParams;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs iam/authorization-details-cases.yaml against GetAccountAuthorizationDetails in-process. */
class AccountAuthorizationDetailsTest {
  private static final Map<String, String> NAME_MEMBER = Map.of("UserDetailList", "UserName",
      "GroupDetailList", "GroupName", "RoleDetailList", "RoleName", "Policies", "PolicyName");

  record ExpectedError(String code, String message) {}

  record Case(String name, String caller, Map<String, Object> params, Map<String, List<String>> names,
      Map<String, Object> paths, List<String> absent, ExpectedError error) {}

  record Cases(List<List<Object>> setup, List<Case> cases) {}

  static AwsTestKit kit;
  static Cases cases;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void start() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = AccountAuthorizationDetailsTest.class.getResourceAsStream(
        "/iam/authorization-details-cases.yaml")) {
      cases = yaml.readValue(in, Cases.class);
    }
    kit = AwsTestKit.start();
    kit.register(List.of(new AccountAuthorizationDetailsOperation(kit.iam()).spec()));
    for (List<Object> step : cases.setup()) {
      kit.call(kit.admin(), (String) step.get(0), QueryParams.flatten((Map<String, Object>) step.get(1)));
    }
  }

  @AfterAll
  static void stop() {
    kit.close();
  }

  @TestFactory
  Stream<DynamicTest> cases() {
    return cases.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  private static void run(Case c) {
    Caller caller = c.caller() == null ? kit.admin() : kit.user(c.caller());
    Map<String, String> params = QueryParams.flatten(c.params());
    if (c.error() != null) {
      AwsError e = kit.error(caller, "GetAccountAuthorizationDetails", params);
      assertThat(e.code()).isEqualTo(c.error().code());
      assertThat(e.message()).isEqualTo(c.error().message());
      return;
    }
    Map<String, Object> out = Nodes.struct(kit.call(caller, "GetAccountAuthorizationDetails", params));
    c.names().forEach((list, names) -> {
      List<Map<String, Object>> items = Nodes.at(out, list);
      assertThat(items).as(list).extracting(i -> i.get(NAME_MEMBER.get(list))).containsExactlyElementsOf(names);
    });
    if (c.paths() != null) {
      // YAML reads small numbers as Integer; result trees hold Long.
      c.paths().forEach((path, want) -> assertThat((Object) Nodes.at(out, steps(path))).as(path)
          .isEqualTo(want instanceof Integer i ? (Object) i.longValue() : want));
    }
    if (c.absent() != null) {
      for (String path : c.absent()) {
        Object[] steps = steps(path);
        Map<String, Object> parent = Nodes.at(out, java.util.Arrays.copyOf(steps, steps.length - 1));
        assertThat(parent).as(path).doesNotContainKey((String) steps[steps.length - 1]);
      }
    }
  }

  private static Object[] steps(String path) {
    List<Object> out = new ArrayList<>();
    for (String s : path.split("\\.")) {
      out.add(s.chars().allMatch(Character::isDigit) ? (Object) Integer.parseInt(s) : s);
    }
    return out.toArray();
  }

  @Test
  void theMarkerContinuesAcrossEntityKinds() {
    List<String> seen = new ArrayList<>();
    Map<String, String> params = QueryParams.flatten(Map.of("MaxItems", 2));
    for (int page = 0; page < 10; page++) {
      Map<String, Object> out = Nodes.struct(kit.call(kit.admin(), "GetAccountAuthorizationDetails", params));
      NAME_MEMBER.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        List<Map<String, Object>> items = Nodes.at(out, e.getKey());
        items.forEach(i -> seen.add(e.getKey() + ":" + i.get(e.getValue())));
      });
      if (!(Boolean) out.get("IsTruncated")) {
        break;
      }
      params.put("Marker", (String) out.get("Marker"));
    }
    assertThat(seen).containsExactlyInAnyOrder("UserDetailList:alice", "UserDetailList:gatehouse-admin",
        "GroupDetailList:Devs", "RoleDetailList:app", "Policies:AdministratorAccess",
        "Policies:AmazonS3ReadOnlyAccess", "Policies:PowerUserAccess", "Policies:team-read", "Policies:unused");
  }

  @Test
  void botocoreDecodesTheDocumentsAsTheCliShowsThem() {
    assumeTrue(Botocore.available(), "python3 with botocore is not installed");
    JsonNode parsed = Botocore.parse("iam", "GetAccountAuthorizationDetails",
        kit.call(kit.admin(), "GetAccountAuthorizationDetails", Map.of()));
    assertThat(parsed.at("/UserDetailList/0/UserPolicyList/0/PolicyDocument/Statement/0/Action").asText())
        .isEqualTo("s3:*");
    assertThat(parsed.at("/RoleDetailList/0/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText())
        .isEqualTo("ec2.amazonaws.com");
    assertThat(parsed.at("/RoleDetailList/0/InstanceProfileList").isArray()).isTrue();
    JsonNode teamRead = parsed.at("/Policies/3");
    assertThat(teamRead.get("PolicyName").asText()).isEqualTo("team-read");
    assertThat(teamRead.at("/PolicyVersionList/0/Document/Statement/0/Action/1").asText()).isEqualTo("s3:ListBucket");
    assertThat(parsed.at("/UserDetailList/0/GroupList/0").asText()).isEqualTo("Devs");
  }
}
