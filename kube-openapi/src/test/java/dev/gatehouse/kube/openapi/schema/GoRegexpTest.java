package dev.gatehouse.kube.openapi.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: schema/regexp-cases.yaml. */
class GoRegexpTest {
  record Case(String pattern, List<String> matches, List<String> rejects, String error) {
    Case {
      matches = matches == null ? List.of() : matches;
      rejects = rejects == null ? List.of() : rejects;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : TestData.tree("/dev/gatehouse/kube/openapi/schema/regexp-cases.yaml").get("cases")) {
      Case c = TestData.read(row, Case.class);
      out.add(Arguments.of(Named.of(c.pattern(), c)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void behavesLikeGo(Case c) throws GoRegexp.SyntaxError {
    if (c.error() != null) {
      assertThatThrownBy(() -> GoRegexp.compile(c.pattern())).hasMessage(c.error());
      return;
    }
    Pattern p = GoRegexp.compile(c.pattern());
    for (String s : c.matches()) {
      assertThat(GoRegexp.matches(p, s)).as("%s matches %s", c.pattern(), s).isTrue();
    }
    for (String s : c.rejects()) {
      assertThat(GoRegexp.matches(p, s)).as("%s rejects %s", c.pattern(), s).isFalse();
    }
  }
}
