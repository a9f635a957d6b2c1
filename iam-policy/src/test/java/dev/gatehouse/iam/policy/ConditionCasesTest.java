package dev.gatehouse.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Condition operators, set qualifiers, missing keys and policy variables. Each case is one Allow statement with the
 * given Condition (and Resource pattern) in a resource policy that names everyone, so the request is allowed
 * exactly when the statement applies.
 */
class ConditionCasesTest {
  private static final RequestPrincipal ALICE =
      RequestPrincipal.forUser("arn:aws:iam::111122223333:user/alice", "111122223333");

  /**
   * @param version the policy Version; "none" omits the element
   * @param policyResource the statement's Resource (default "*")
   * @param requestResource the request's resource (default arn:aws:s3:::bucket/key)
   * @param holds whether the statement applies
   * @param missing when given, the expected missing context keys
   */
  record ConditionCase(String name, String condition, String version, String policyResource,
      String requestResource, Map<String, Object> context, boolean holds, List<String> missing)
      implements Cases.NamedCase {}

  static Stream<Arguments> cases() {
    return Stream.of("conditions.yaml", "variables.yaml").flatMap(f -> Cases.load(f, ConditionCase.class));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void conditionDecidesWhetherTheStatementApplies(ConditionCase c) {
    String version = c.version() == null ? "\"Version\":\"2012-10-17\"," 
        : c.version().equals("none") ? "" : "\"Version\":\"" + c.version() + "\",";
    String resource = c.policyResource() == null ? "*" : c.policyResource();
    String condition = c.condition() == null ? "" : ",\"Condition\":" + c.condition();
    String document = "{" + version + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
        + "\"Resource\":\"" + resource.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" + condition + "}]}";
    ParseResult parsed = Policies.parse(document, PolicyKind.RESOURCE);
    assertThat(parsed).as(document).isInstanceOf(ParseResult.Parsed.class);
    PolicySource source = new PolicySource("bucket", SourceType.RESOURCE, ((ParseResult.Parsed) parsed).policy());
    EvaluationRequest request = EvaluationRequest.builder(ALICE, "s3:GetObject",
            c.requestResource() == null ? "arn:aws:s3:::bucket/key" : c.requestResource())
        .resourcePolicy(source)
        .context(TestContexts.of(c.context()))
        .build();

    EvaluationResult result = Evaluator.evaluate(request);

    assertThat(result.decision()).isEqualTo(c.holds() ? Decision.ALLOWED : Decision.IMPLICIT_DENY);
    if (c.missing() != null) {
      assertThat(result.missingContextKeys()).containsExactlyElementsOf(c.missing());
    }
  }
}
