package dev.gatehouse.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests exactly as botocore 1.43.11 put them on the wire ({@code sigv4/botocore/generate.py}): an IAM POST with
 * a session token, an EKS path with a double-encoded principal ARN, STS without a token, and an
 * {@code aws eks get-token} presigned URL. The verifier must rebuild botocore's canonical request and accept the
 * signature; the signer must reproduce it from the same signed headers.
 */
class BotocoreVectorsTest {
  private static final Duration SKEW = Duration.ofMinutes(15);

  static Stream<Arguments> vectors() {
    return Fixtures.yamlList("sigv4/botocore/botocore-vectors.yaml").stream()
        .map(v -> Arguments.of(v.get("name").asText(), v));
  }

  private static HttpRequestView request(JsonNode v) {
    return new HttpRequestView(v.get("method").asText(), v.get("rawPath").asText(), Fixtures.textOrNull(v, "rawQuery"),
        Fixtures.headers(v.get("headers")), v.get("body").asText().getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void verifierAcceptsWhatBotocoreSigned(String name, JsonNode v) {
    HttpRequestView request = request(v);
    AuthParse.Signed signed = (AuthParse.Signed) SigV4Parser.parse(request);
    Instant now = Instant.parse(v.get("now").asText());
    String secret = v.get("secretKey").asText();

    assertThat(signed.form().name()).isEqualTo(v.get("form").asText());
    assertThat(signed.scope().service()).isEqualTo(v.get("service").asText());
    assertThat(SigV4Verifier.canonicalRequest(signed, request).text())
        .isEqualTo(v.get("expectedCanonicalRequest").asText());
    assertThat(SigV4Verifier.verify(signed, request, secret, now, SKEW)).isEqualTo(new VerifyResult.Verified());
    assertThat(SigV4Verifier.verify(signed, request, secret, now.plus(Duration.ofMinutes(16)), SKEW))
        .isInstanceOf(VerifyResult.Failed.class);
    HttpRequestView otherBody = new HttpRequestView(request.method(), request.rawPath(), request.rawQuery(),
        request.headers(), Arrays.copyOf(request.body(), request.body().length + 1));
    assertThat(SigV4Verifier.verify(signed, otherBody, secret, now, SKEW)).isInstanceOf(VerifyResult.Failed.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signerReproducesBotocoresSignature(String name, JsonNode v) {
    HttpRequestView wire = request(v);
    AuthParse.Signed signed = (AuthParse.Signed) SigV4Parser.parse(wire);
    Instant now = Instant.parse(v.get("now").asText());
    SigningCredentials credentials = signed.securityToken()
        .map(t -> SigningCredentials.of(signed.scope().accessKeyId(), v.get("secretKey").asText(), t))
        .orElse(SigningCredentials.of(signed.scope().accessKeyId(), v.get("secretKey").asText()));
    // Only the headers botocore signed, less those the signer adds itself.
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, String> h : wire.headers().entries()) {
      String lower = h.getKey().toLowerCase();
      if (signed.signedHeaders().contains(lower) && !List.of("x-amz-date", "x-amz-security-token").contains(lower)) {
        headers.add(h.getKey(), h.getValue());
      }
    }

    if (signed.form() == SignatureForm.HEADER) {
      HttpRequestView unsigned = new HttpRequestView(wire.method(), wire.rawPath(), wire.rawQuery(), headers.build(),
          wire.body());
      Map<String, String> added = new LinkedHashMap<>(SigV4Signer.signHeaders(unsigned, credentials,
          signed.scope().region(), signed.scope().service(), now));
      assertThat(added.get("Authorization")).isEqualTo(wire.headers().first("authorization").orElseThrow());
    } else {
      String ownQuery = wire.rawQuery().substring(0, wire.rawQuery().indexOf("&X-Amz-Algorithm"));
      HttpRequestView unsigned = new HttpRequestView(wire.method(), wire.rawPath(), ownQuery, headers.build(),
          wire.body());
      String query = SigV4Signer.presignQuery(unsigned, credentials, signed.scope().region(), signed.scope().service(),
          now, Duration.ofSeconds(signed.expiresSeconds().getAsLong()));
      assertThat(query).isEqualTo(wire.rawQuery());
    }
  }
}
