package dev.gatehouse.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sigv4/presign-vectors.yaml}: presigned URLs known from elsewhere (aws-iam-authenticator's TestGetWithSTS).
 * The signer must produce them; the verifier, fed the URL as a server receives it, must accept it for the 15
 * minutes STS allows, ignoring {@code X-Amz-Expires=60}, and no longer.
 */
class PresignVectorsTest {
  static Stream<Arguments> vectors() {
    return Fixtures.yamlList("sigv4/presign-vectors.yaml").stream().map(v -> Arguments.of(v.get("name").asText(), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signsAndVerifies(String name, JsonNode v) {
    String secret = new String(Base64.getDecoder().decode(v.get("secretKeyBase64").asText()), StandardCharsets.UTF_8);
    SigningCredentials credentials = SigningCredentials.of(v.get("accessKeyId").asText(), secret);
    Instant time = Instant.parse(v.get("time").asText());
    Duration expires = Duration.ofSeconds(v.get("expiresSeconds").asLong());
    HttpRequestView request = new HttpRequestView(v.get("method").asText(), v.get("rawPath").asText(),
        v.get("rawQuery").asText(), Fixtures.headers(v.get("headers")), null);
    String region = v.get("region").asText();
    String service = v.get("service").asText();

    SigV4Signer.QuerySigning signing = SigV4Signer.querySigning(request, credentials, region, service, time, expires,
        SigV4Signer.Options.DEFAULT);
    assertThat(signing.signing().canonicalRequest().text()).isEqualTo(v.get("expectedCanonicalRequest").asText());
    assertThat(signing.signing().signature()).isEqualTo(v.get("expectedSignature").asText());
    String url = SigV4Signer.presignUrl("https", request, credentials, region, service, time, expires);
    assertThat(url).isEqualTo(v.get("expectedUrl").asText());

    URI uri = URI.create(url);
    HttpRequestView received = new HttpRequestView("GET", uri.getRawPath(), uri.getRawQuery(),
        Fixtures.headers(v.get("headers")).with("Accept", "application/json"), null);
    AuthParse.Signed signed = (AuthParse.Signed) SigV4Parser.parse(received);
    Duration skew = Duration.ofMinutes(15);
    assertThat(SigV4Verifier.verify(signed, received, secret, time.plus(Duration.ofMinutes(14)), skew))
        .isEqualTo(new VerifyResult.Verified());
    assertThat(SigV4Verifier.verify(signed, received, secret, time.plus(Duration.ofMinutes(16)), skew))
        .isEqualTo(new VerifyResult.Failed("SignatureDoesNotMatch", SigV4Messages.signatureExpired(time,
            time.plus(Duration.ofMinutes(16)), skew)));
    assertThat(SigV4Verifier.verify(signed, received, secret, time.plus(Duration.ofMinutes(14)), skew,
        PresignedValidity.honourExpires(604800))).isInstanceOf(VerifyResult.Failed.class);
    HttpRequestView otherCluster = new HttpRequestView("GET", uri.getRawPath(), uri.getRawQuery(),
        received.headers().without("x-k8s-aws-id").with("x-k8s-aws-id", "other-cluster"), null);
    assertThat(SigV4Verifier.verify(signed, otherCluster, secret, time, skew)).isInstanceOf(VerifyResult.Failed.class);
  }
}
