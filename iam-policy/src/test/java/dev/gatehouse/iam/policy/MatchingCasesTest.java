package dev.gatehouse.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.iam.policy.match.ActionPattern;
import dev.gatehouse.iam.policy.match.Lookup;
import dev.gatehouse.iam.policy.match.ResourcePattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Action and Resource wildcard matching, one pattern against one request value. */
class MatchingCasesTest {
  private static final Lookup NO_CONTEXT = new Lookup() {
    @Override
    public String[] values(String lowerCaseKey) {
      return null;
    }

    @Override
    public void reportMissing(String lowerCaseKey, String writtenKey) {}
  };

  enum Element { ACTION, RESOURCE }

  record MatchingCase(String name, Element element, String pattern, String value, boolean matches)
      implements Cases.NamedCase {}

  static Stream<Arguments> cases() {
    return Cases.load("matching.yaml", MatchingCase.class);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matches(MatchingCase c) {
    boolean actual = switch (c.element()) {
      case ACTION -> ActionPattern.of(c.pattern()).matches(c.value());
      case RESOURCE -> ResourcePattern.of(c.pattern(), true).matches(c.value(), NO_CONTEXT);
    };
    assertThat(actual).isEqualTo(c.matches());
  }
}
