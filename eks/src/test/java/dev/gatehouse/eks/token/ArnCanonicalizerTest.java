package dev.gatehouse.eks.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** token/arn-cases.yaml: upstream's arn_test cases and one case per refusal. */
class ArnCanonicalizerTest {
  record ArnCase(String arn, String canonical, ArnCanonicalizer.PrincipalType type, String error) {
    @Override
    public String toString() {
      return arn;
    }
  }

  static Stream<ArnCase> cases() throws IOException {
    try (InputStream in = ArnCanonicalizerTest.class.getResourceAsStream("/token/arn-cases.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<ArnCase>>() {}).stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void canonicalizes(ArnCase c) {
    ArnCanonicalizer.Result result = ArnCanonicalizer.canonicalize(c.arn());
    if (c.error() != null) {
      assertThat(result).isEqualTo(new ArnCanonicalizer.Invalid(c.error()));
    } else {
      assertThat(result).isEqualTo(new ArnCanonicalizer.Canonical(c.type(), c.canonical()));
    }
  }
}
