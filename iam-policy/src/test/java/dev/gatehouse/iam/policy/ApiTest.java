package dev.gatehouse.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The small contracts callers rely on besides evaluation itself. */
class ApiTest {
  private static final String POLICY = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Sid": "A", "Effect": "Allow", "Action": ["eks:Describe*", "eks:List*"], "Resource": "*",
           "Condition": {"StringEquals": {"aws:PrincipalTag/Team": "ops"}, "Bool": {"aws:SecureTransport": "true"}}},
          {"Effect": "Deny", "NotAction": "eks:*", "NotResource": "arn:aws:eks:*:*:cluster/x",
           "Condition": {"StringLike": {"AWS:PrincipalTag/team": "x*"}}}
        ]
      }""";

  @Test
  void nonWhitespaceLengthIgnoresSpacesTabsAndLineBreaks() {
    assertThat(Policies.nonWhitespaceLength("{ \"a\" :\t\"b c\"\r\n}")).isEqualTo(10);
    assertThat(Policies.nonWhitespaceLength("")).isZero();
  }

  @Test
  void parsedPolicyDescribesItself() {
    Policy policy = Policies.parseValid(POLICY, PolicyKind.IDENTITY);
    assertThat(policy.version()).isEqualTo("2012-10-17");
    assertThat(policy.variablesEnabled()).isTrue();
    assertThat(policy.text()).isEqualTo(POLICY);
    assertThat(policy.kind()).isEqualTo(PolicyKind.IDENTITY);
    assertThat(policy.contextKeys()).containsExactly("aws:PrincipalTag/Team", "aws:SecureTransport");
    Statement first = policy.statements().get(0);
    assertThat(first.sid()).isEqualTo("A");
    assertThat(first.effect()).isEqualTo(Effect.ALLOW);
    assertThat(first.actions()).containsExactly("eks:Describe*", "eks:List*");
    assertThat(first.notAction()).isFalse();
    assertThat(first.conditions()).hasSize(2);
    Statement second = policy.statements().get(1);
    assertThat(second.sid()).isNull();
    assertThat(second.notAction()).isTrue();
    assertThat(second.notResource()).isTrue();
    assertThat(second.resources()).containsExactly("arn:aws:eks:*:*:cluster/x");
  }

  @Test
  void parseValidThrowsWithIamsMessage() {
    assertThatThrownBy(() -> Policies.parseValid("{}", PolicyKind.IDENTITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Syntax errors in policy.");
    assertThat(Policies.parse(null, PolicyKind.TRUST)).isEqualTo(new ParseResult.Malformed("Syntax errors in policy."));
  }

  @Test
  void requestContextKeysAreCaseInsensitive() {
    RequestContext context = RequestContext.builder()
        .put("aws:UserName", "alice")
        .put("AWS:USERNAME", "bob")
        .putAll("aws:TagKeys", List.of("a", "b"))
        .putBoolean("aws:SecureTransport", false)
        .putNumber("sts:DurationSeconds", 900)
        .putDate("aws:CurrentTime", Instant.parse("2025-01-02T03:04:05.678Z"))
        .build();
    assertThat(context.get("aws:username")).contains(List.of("bob"));
    assertThat(context.isMultiValued("AWS:TAGKEYS")).isTrue();
    assertThat(context.isMultiValued("aws:username")).isFalse();
    assertThat(context.get("aws:securetransport")).contains(List.of("false"));
    assertThat(context.get("sts:durationseconds")).contains(List.of("900"));
    assertThat(context.get("aws:currenttime")).contains(List.of("2025-01-02T03:04:05Z"));
    assertThat(context.get("aws:missing")).isEmpty();
    RequestContext copy = context.toBuilder().remove("aws:TagKeys").build();
    assertThat(copy.contains("aws:tagkeys")).isFalse();
    assertThat(copy.get("aws:username")).contains(List.of("bob"));
  }

  @Test
  void principalsExposeWhatPrincipalElementsCanName() {
    RequestPrincipal session = RequestPrincipal.forRoleSession("arn:aws:sts::111122223333:assumed-role/r/s",
        "arn:aws:iam::111122223333:role/path/r", "111122223333");
    assertThat(session.principalIdentifiers()).containsExactly("arn:aws:sts::111122223333:assumed-role/r/s",
        "arn:aws:iam::111122223333:role/path/r");
    assertThat(session.type().hasIdentityPolicies()).isTrue();
    assertThat(RequestPrincipal.forRoot("111122223333").arn()).isEqualTo("arn:aws:iam::111122223333:root");
    assertThat(RequestPrincipal.forService("pods.eks.amazonaws.com").type().hasIdentityPolicies()).isFalse();
    assertThat(RequestPrincipal.anonymous().principalIdentifiers()).isEmpty();
  }

  @Test
  void wireNamesMatchSimulatePolicy() {
    assertThat(List.of(SourceType.values())).extracting(SourceType::wireName)
        .containsExactly("user", "group", "role", "aws-managed", "user-managed", "resource", "none");
    assertThat(List.of(Decision.values())).extracting(Decision::wireName)
        .containsExactly("allowed", "explicitDeny", "implicitDeny");
  }

  @Test
  void evaluationIsThreadSafe() throws Exception {
    Policy policy = Policies.parseValid(POLICY, PolicyKind.IDENTITY);
    EvaluationRequest request = EvaluationRequest.builder(
            RequestPrincipal.forUser("arn:aws:iam::111122223333:user/alice", "111122223333"),
            "eks:DescribeCluster", "arn:aws:eks:us-east-1:111122223333:cluster/prod")
        .context(RequestContext.builder().put("aws:PrincipalTag/team", "ops").put("aws:SecureTransport", "true")
            .build())
        .identityPolicy(new PolicySource("p", SourceType.USER, policy))
        .build();
    EvaluationResult expected = Evaluator.evaluate(request);
    assertThat(expected.decision()).isEqualTo(Decision.ALLOWED);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<EvaluationResult>> results = pool.invokeAll(java.util.Collections.nCopies(200,
          () -> Evaluator.evaluate(request)));
      for (Future<EvaluationResult> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
