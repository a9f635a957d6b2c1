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

/** Runs iam/simulation-cases.yaml against SimulatePrincipalPolicy / SimulateCustomPolicy in-process. */
class SimulationOperationsTest {
  record Expected(String decision, List<String> matched, List<String> positions, List<String> missing,
      Boolean boundary) {}

  record ExpectedResult(String action, String resource, String decision, List<String> matched, List<String> positions,
      List<String> missing, Boolean boundary, Expected specific) {}

  record ExpectedError(String code, String message) {}

  record Expectation(List<ExpectedResult> results, ExpectedError error) {}

  record Case(String name, String caller, String action, Map<String, Object> params, Expectation expect) {}

  record Cases(List<List<Object>> setup, List<Case> cases) {}

  static AwsTestKit kit;
  static Cases cases;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void start() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = SimulationOperationsTest.class.getResourceAsStream("/iam/simulation-cases.yaml")) {
      cases = yaml.readValue(in, Cases.class);
    }
    kit = AwsTestKit.start();
    kit.register(new SimulationOperations(kit.iam()).specs());
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
    if (c.expect().error() != null) {
      AwsError e = kit.error(caller, c.action(), params);
      assertThat(e.code()).isEqualTo(c.expect().error().code());
      assertThat(e.message()).isEqualTo(c.expect().error().message());
      return;
    }
    Map<String, Object> out = Nodes.struct(kit.call(caller, c.action(), params));
    List<Map<String, Object>> results = Nodes.at(out, "EvaluationResults");
    assertThat(out.get("IsTruncated")).isEqualTo(false);
    assertThat(results).hasSameSizeAs(c.expect().results());
    for (int i = 0; i < results.size(); i++) {
      Map<String, Object> actual = results.get(i);
      ExpectedResult want = c.expect().results().get(i);
      assertThat(actual.get("EvalActionName")).isEqualTo(want.action());
      assertThat(actual.get("EvalResourceName")).isEqualTo(want.resource());
      check(actual, "EvalDecision", new Expected(want.decision(), want.matched(), want.positions(), want.missing(),
          want.boundary()));
      if (want.specific() == null) {
        assertThat(actual).doesNotContainKeys("ResourceSpecificResults", "EvalDecisionDetails");
      } else {
        assertThat(actual.get("EvalDecisionDetails")).isEqualTo(Map.of());
        List<Map<String, Object>> specific = Nodes.at(actual, "ResourceSpecificResults");
        assertThat(specific).hasSize(1);
        assertThat(specific.get(0).get("EvalResourceName")).isEqualTo(want.resource());
        check(specific.get(0), "EvalResourceDecision", want.specific());
      }
    }
  }

  private static void check(Map<String, Object> actual, String decisionMember, Expected want) {
    assertThat(actual.get(decisionMember)).isEqualTo(want.decision());
    List<Map<String, Object>> statements = Nodes.at(actual, "MatchedStatements");
    List<String> matched = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    for (Map<String, Object> s : statements) {
      matched.add(s.get("SourcePolicyId") + " (" + s.get("SourcePolicyType") + ")");
      positions.add(Nodes.at(s, "StartPosition", "Line") + ":" + Nodes.at(s, "StartPosition", "Column") + "-"
          + Nodes.at(s, "EndPosition", "Line") + ":" + Nodes.at(s, "EndPosition", "Column"));
    }
    assertThat(matched).containsExactlyElementsOf(want.matched());
    if (want.positions() != null) {
      assertThat(positions.subList(0, want.positions().size())).containsExactlyElementsOf(want.positions());
    }
    assertThat(Nodes.<List<String>>at(actual, "MissingContextValues")).containsExactlyElementsOf(want.missing());
    if (want.boundary() == null) {
      assertThat(actual).doesNotContainKey("PermissionsBoundaryDecisionDetail");
    } else {
      assertThat(Nodes.<Boolean>at(actual, "PermissionsBoundaryDecisionDetail", "AllowedByPermissionsBoundary"))
          .isEqualTo(want.boundary());
    }
  }

  @Test
  void pagesThroughResultsWithMaxItemsAndMarker() {
    Map<String, String> params = QueryParams.flatten(Map.of(
        "PolicySourceArn", "arn:aws:iam::123456789012:user/alice",
        "ActionNames", List.of("s3:GetObject", "s3:DeleteObject", "logs:GetLogEvents"),
        "MaxItems", 2));
    Map<String, Object> first = Nodes.struct(kit.call(kit.admin(), "SimulatePrincipalPolicy", params));
    assertThat(first.get("IsTruncated")).isEqualTo(true);
    assertThat(Nodes.<List<Map<String, Object>>>at(first, "EvaluationResults"))
        .extracting(r -> r.get("EvalActionName")).containsExactly("s3:GetObject", "s3:DeleteObject");
    params.put("Marker", (String) first.get("Marker"));
    Map<String, Object> second = Nodes.struct(kit.call(kit.admin(), "SimulatePrincipalPolicy", params));
    assertThat(second.get("IsTruncated")).isEqualTo(false);
    assertThat(second).doesNotContainKey("Marker");
    assertThat(Nodes.<List<Map<String, Object>>>at(second, "EvaluationResults"))
        .extracting(r -> r.get("EvalActionName")).containsExactly("logs:GetLogEvents");
  }

  @Test
  void botocoreReadsTheResults() {
    assumeTrue(Botocore.available(), "python3 with botocore is not installed");
    Map<String, String> params = QueryParams.flatten(Map.of(
        "PolicySourceArn", "arn:aws:iam::123456789012:user/carol",
        "ActionNames", List.of("s3:PutObject"),
        "ResourceArns", List.of("arn:aws:s3:::data/x")));
    JsonNode parsed = Botocore.parse("iam", "SimulatePrincipalPolicy",
        kit.call(kit.admin(), "SimulatePrincipalPolicy", params));
    JsonNode result = parsed.at("/EvaluationResults/0");
    assertThat(result.get("EvalDecision").asText()).isEqualTo("allowed");
    assertThat(result.at("/MatchedStatements/0/SourcePolicyId").asText()).isEqualTo("carol-all");
    assertThat(result.at("/MatchedStatements/0/StartPosition/Line").asInt()).isEqualTo(1);
    assertThat(result.get("MissingContextValues").isArray()).isTrue();
    assertThat(result.get("EvalDecisionDetails").isObject()).isTrue();
    assertThat(result.get("EvalDecisionDetails").size()).isZero();
    assertThat(result.at("/PermissionsBoundaryDecisionDetail/AllowedByPermissionsBoundary").asBoolean()).isTrue();
    assertThat(result.at("/ResourceSpecificResults/0/EvalResourceDecision").asText()).isEqualTo("allowed");
    assertThat(parsed.get("IsTruncated").asBoolean()).isFalse();
  }
}
