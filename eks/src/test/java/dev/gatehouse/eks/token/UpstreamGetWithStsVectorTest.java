package dev.gatehouse.eks.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.CredentialResolver;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.AwsError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token aws-iam-authenticator's own generator minted (TestGetWithSTS, token/upstream-get-with-sts.yaml),
 * verified with its example key behind a stand-in key lookup: an independent signer's output, not ours.
 */
class UpstreamGetWithStsVectorTest {
  record Vector(String token, String accessKeyIdBase64, String secretBase64, long signedAtEpochSeconds,
      String cluster, String region) {
    String accessKeyId() {
      return new String(Base64.getDecoder().decode(accessKeyIdBase64), StandardCharsets.UTF_8);
    }

    String secret() {
      return new String(Base64.getDecoder().decode(secretBase64), StandardCharsets.UTF_8);
    }
  }

  private static Vector vector;
  private static User owner;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = UpstreamGetWithStsVectorTest.class.getResourceAsStream("/token/upstream-get-with-sts.yaml")) {
      vector = new ObjectMapper(new YAMLFactory()).readValue(in, Vector.class);
    }
    owner = new User("123456789012", "Alice", "/", "AIDAEXAMPLEEXAMPLE01", Instant.EPOCH, List.of(), Map.of(),
        List.of(), List.of(), null);
  }

  private static K8sAwsTokenVerifier verifierAt(Instant now) {
    K8sAwsTokenVerifier.KeyResolver keys = (accessKeyId, token, at) -> accessKeyId.equals(vector.accessKeyId())
        ? new CredentialResolver.Resolved(new Caller.UserCaller(owner, accessKeyId), vector.secret())
        : new CredentialResolver.Refused(AwsError.invalidClientTokenId(), "unknown " + accessKeyId);
    return new K8sAwsTokenVerifier(keys, StsHosts.of("aws", List.of(vector.region()), List.of()),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void verifiesForTheClusterItWasMintedFor() {
    Instant signedAt = Instant.ofEpochSecond(vector.signedAtEpochSeconds());
    TokenVerification result = verifierAt(signedAt.plusSeconds(30)).verify(vector.token(), vector.cluster());
    assertThat(result).isEqualTo(new TokenVerification.Verified(new AwsIdentity(
        "arn:aws:iam::123456789012:user/Alice", "arn:aws:iam::123456789012:user/Alice", "123456789012",
        "AIDAEXAMPLEEXAMPLE01", "AIDAEXAMPLEEXAMPLE01", null, vector.accessKeyId())));
  }

  @Test
  void failsTheSignatureForAnotherCluster() {
    Instant signedAt = Instant.ofEpochSecond(vector.signedAtEpochSeconds());
    TokenVerification result = verifierAt(signedAt).verify(vector.token(), "another-cluster");
    assertThat(result).isInstanceOf(TokenVerification.Rejected.class);
    assertThat(((TokenVerification.Rejected) result).reason()).startsWith(
        "sts getCallerIdentity failed: SignatureDoesNotMatch: The request signature we calculated does not match");
  }

  @Test
  void livesFifteenMinutesWhateverXAmzExpiresSays() {
    Instant signedAt = Instant.ofEpochSecond(vector.signedAtEpochSeconds());
    assertThat(verifierAt(signedAt.plus(Duration.ofMinutes(15))).verify(vector.token(), vector.cluster()))
        .isInstanceOf(TokenVerification.Verified.class);
    assertThat(verifierAt(signedAt.plus(Duration.ofSeconds(901))).verify(vector.token(), vector.cluster()))
        .isEqualTo(new TokenVerification.Rejected("input token was not properly formatted: X-Amz-Date parameter is "
            + "expired (15 minute expiration) 2023-04-28 00:00:00 +0000 UTC"));
  }
}
