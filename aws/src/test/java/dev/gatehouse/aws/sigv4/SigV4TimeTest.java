package dev.gatehouse.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The clock rules in {@code sigv4/time-cases.yaml}, with a fixed clock. */
class SigV4TimeTest {
  static Stream<Arguments> cases() {
    return Fixtures.yamlList("sigv4/time-cases.yaml").stream().map(c -> Arguments.of(c.get("name").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checksTheClock(String name, JsonNode c) {
    String amzDate = c.get("amzDate").asText();
    AuthParse.Signed signed = new AuthParse.Signed(SignatureForm.valueOf(c.get("form").asText()),
        new CredentialScope("AKID", amzDate.substring(0, 8), "us-east-1", "sts"), List.of("host"), "00",
        amzDate, c.has("expires") ? OptionalLong.of(c.get("expires").asLong()) : OptionalLong.empty(),
        Optional.empty());
    PresignedValidity validity = "expires".equals(Fixtures.textOrNull(c, "validity"))
        ? PresignedValidity.honourExpires(604800)
        : PresignedValidity.sts();

    Optional<VerifyResult.Failed> result = SigV4Verifier.checkTime(signed, Fixtures.time(c.get("now").asText()),
        Duration.ofMinutes(c.get("skewMinutes").asLong()), validity);

    JsonNode expect = c.get("expect");
    if (expect.has("ok")) {
      assertThat(result).isEmpty();
    } else {
      assertThat(result).contains(new VerifyResult.Failed(expect.get("code").asText(), expect.get("message").asText()));
    }
  }
}
