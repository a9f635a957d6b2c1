package dev.gatehouse.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessDeniedMessagesTest {

  record MessageCase(String name, String principalArn, String action, String resource, DenyCause cause,
      String message) implements Cases.NamedCase {}

  static Stream<Arguments> cases() {
    return Cases.load("access-denied.yaml", MessageCase.class);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void formats(MessageCase c) {
    EvaluationResult result =
        new EvaluationResult(Evaluator.decisionOf(c.cause()), c.cause(), List.of(), Set.of(), true);
    assertThat(AccessDeniedMessages.format(c.principalArn(), c.action(), c.resource(), result))
        .isEqualTo(c.message());
  }
}
