package dev.gatehouse.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Policy documents with the MalformedPolicyDocument message IAM answers, or none when IAM accepts them. */
class ValidationCasesTest {

  /** @param malformed the expected message; absent when the document is valid */
  record ValidationCase(String name, PolicyKind kind, String document, String malformed, String note)
      implements Cases.NamedCase {}

  static Stream<Arguments> cases() {
    return Stream.of("moto-policies.yaml", "malformed-policies.yaml")
        .flatMap(f -> Cases.load(f, ValidationCase.class));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void validates(ValidationCase c) {
    ParseResult result = Policies.parse(c.document(), c.kind());
    if (c.malformed() == null) {
      assertThat(result).as("accepted").isInstanceOf(ParseResult.Parsed.class);
    } else {
      assertThat(result).isEqualTo(new ParseResult.Malformed(c.malformed()));
    }
  }
}
