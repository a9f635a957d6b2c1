package dev.gatehouse.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table in {@code sigv4/parse-cases.yaml}. */
class SigV4ParserTest {
  static Stream<Arguments> cases() {
    return Fixtures.yamlList("sigv4/parse-cases.yaml").stream()
        .map(c -> Arguments.of(c.get("name").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String name, JsonNode c) {
    HttpRequestView request = new HttpRequestView("GET", "/", Fixtures.textOrNull(c, "rawQuery"),
        Fixtures.headers(c.get("headers")), null);

    AuthParse parse = SigV4Parser.parse(request);

    JsonNode expect = c.get("expect");
    if (expect.has("unsigned")) {
      assertThat(parse).isEqualTo(new AuthParse.Unsigned());
    } else if (expect.has("malformed")) {
      JsonNode m = expect.get("malformed");
      assertThat(parse).isEqualTo(new AuthParse.Malformed(m.get("code").asText(), m.get("message").asText()));
    } else {
      JsonNode s = expect.get("signed");
      List<String> signedHeaders = new ArrayList<>();
      s.get("signedHeaders").forEach(h -> signedHeaders.add(h.asText()));
      AuthParse.Signed expected = new AuthParse.Signed(SignatureForm.valueOf(s.get("form").asText()),
          new CredentialScope(s.get("accessKeyId").asText(), s.get("date").asText(), s.get("region").asText(),
              s.get("service").asText()),
          signedHeaders, s.get("signature").asText(), s.get("amzDate").asText(),
          s.has("expires") ? OptionalLong.of(s.get("expires").asLong()) : OptionalLong.empty(),
          Optional.ofNullable(Fixtures.textOrNull(s, "securityToken")));
      assertThat(parse).isEqualTo(expected);
    }
  }
}
