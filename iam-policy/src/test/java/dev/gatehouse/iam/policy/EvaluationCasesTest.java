package dev.gatehouse.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole evaluations: who asks, which policies take part, and the expected decision, cause, determining statements
 * ("policyId#statementIndex"), missing context keys and boundary detail. Files hold named policy documents
 * ({@code policies}) that cases reference by name, and the cases.
 */
class EvaluationCasesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record CaseFile(Map<String, String> policies, List<EvaluationCase> cases) {}

  /** {@code role} is the role ARN of a ROLE_SESSION; {@code arn} the user / session / provider / service. */
  record Principal(PrincipalType type, String arn, String account, String role) {}

  /** A policy taking part: {@code policy} names a document of the file; {@code id} defaults to that name. */
  record PolicyRef(String policy, String id, SourceType type) {}

  record Expect(Decision decision, DenyCause cause, List<String> matched, List<String> missing,
      Boolean allowedByBoundary) {}

  record EvaluationCase(String name, Principal principal, String action, String resource, String resourceAccount,
      Map<String, Object> context, List<PolicyRef> identity, PolicyRef resourcePolicy, PolicyRef trustPolicy,
      PolicyRef boundary, List<PolicyRef> session, Expect expect) {}

  /** A case together with the documents of its file. */
  record Loaded(EvaluationCase c, Map<String, String> policies) {}

  static Stream<Arguments> cases() {
    return Stream.of("evaluation.yaml", "aws-doc-examples.yaml").flatMap(file -> {
      CaseFile f = read(file);
      return f.cases().stream().map(c -> Arguments.of(Named.of(c.name(), new Loaded(c, f.policies()))));
    });
  }

  private static CaseFile read(String file) {
    try (InputStream in = EvaluationCasesTest.class.getResourceAsStream("/iam-policy/" + file)) {
      return YAML.readValue(in, CaseFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void evaluates(Loaded loaded) {
    EvaluationCase c = loaded.c();
    EvaluationRequest.Builder request = EvaluationRequest.builder(principal(c.principal()), c.action(), c.resource())
        .resourceAccount(c.resourceAccount())
        .context(TestContexts.of(c.context()));
    for (PolicyRef ref : orEmpty(c.identity())) {
      request.identityPolicy(source(ref, PolicyKind.IDENTITY, SourceType.USER, loaded.policies()));
    }
    if (c.resourcePolicy() != null) {
      request.resourcePolicy(source(c.resourcePolicy(), PolicyKind.RESOURCE, SourceType.RESOURCE, loaded.policies()));
    }
    if (c.trustPolicy() != null) {
      request.trustPolicy(source(c.trustPolicy(), PolicyKind.TRUST, SourceType.RESOURCE, loaded.policies()));
    }
    if (c.boundary() != null) {
      request.permissionsBoundary(source(c.boundary(), PolicyKind.BOUNDARY, SourceType.USER_MANAGED,
          loaded.policies()));
    }
    for (PolicyRef ref : orEmpty(c.session())) {
      request.sessionPolicy(source(ref, PolicyKind.SESSION, SourceType.NONE, loaded.policies()));
    }

    EvaluationResult result = Evaluator.evaluate(request.build());

    Expect e = c.expect();
    assertThat(result.decision()).as("decision").isEqualTo(e.decision());
    assertThat(result.cause()).as("cause").isEqualTo(e.cause());
    if (e.matched() != null) {
      assertThat(result.matchedStatements()).as("matched statements")
          .extracting(m -> m.source().id() + "#" + m.statementIndex())
          .containsExactlyElementsOf(e.matched());
    }
    if (e.missing() != null) {
      assertThat(result.missingContextKeys()).as("missing keys").containsExactlyElementsOf(e.missing());
    }
    if (e.allowedByBoundary() != null) {
      assertThat(result.allowedByPermissionsBoundary()).as("allowed by boundary").isEqualTo(e.allowedByBoundary());
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static PolicySource source(PolicyRef ref, PolicyKind kind, SourceType defaultType,
      Map<String, String> policies) {
    String document = policies.get(ref.policy());
    assertThat(document).as("policy " + ref.policy()).isNotNull();
    ParseResult parsed = Policies.parse(document, kind);
    assertThat(parsed).as("policy " + ref.policy() + " parses as " + kind).isInstanceOf(ParseResult.Parsed.class);
    return new PolicySource(Optional.ofNullable(ref.id()).orElse(ref.policy()),
        Optional.ofNullable(ref.type()).orElse(defaultType), ((ParseResult.Parsed) parsed).policy());
  }

  private static RequestPrincipal principal(Principal p) {
    return switch (p.type()) {
      case USER -> RequestPrincipal.forUser(p.arn(), p.account());
      case ROLE_SESSION -> RequestPrincipal.forRoleSession(p.arn(), p.role(), p.account());
      case ROOT -> RequestPrincipal.forRoot(p.account());
      case FEDERATED_USER -> RequestPrincipal.forFederatedUser(p.arn(), p.account());
      case FEDERATED -> RequestPrincipal.forFederated(p.arn(), p.account());
      case SERVICE -> RequestPrincipal.forService(p.arn());
      case ANONYMOUS -> RequestPrincipal.anonymous();
    };
  }
}
