package dev.gatehouse.eks.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.aws.server.AwsApi;
import dev.gatehouse.aws.server.AwsAssembly;
import dev.gatehouse.aws.server.AwsResponse;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import dev.gatehouse.aws.testing.AwsTestKit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What upstream's server would have received had it sent the token's URL to Gatehouse's AWS endpoint (as it
 * sends it to STS: GET, {@code x-k8s-aws-id: <cluster>}, {@code Accept: application/json}), through the
 * endpoint's own pipeline: the JSON shape upstream parses, the same identity the local verification finds, and
 * a SignatureDoesNotMatch for another cluster id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StsJsonAnswerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenWorld world;
  private AwsApi api;
  private K8sAwsTokenVerifier verifier;

  @BeforeAll
  void setUp() {
    world = new TokenWorld();
    api = AwsAssembly.assemble(world.kit.state(), world.kit.clock(), AwsTestKit.ACCOUNT, "us-east-1", List.of(), null)
        .api();
    verifier = new K8sAwsTokenVerifier(world.resolver(), StsHosts.of("aws", List.of("us-east-1"),
        List.of(TokenWorld.OWN_ENDPOINT)), world.kit.clock());
  }

  @AfterAll
  void tearDown() {
    world.close();
  }

  @Test
  void aUserTokenGetsTheJsonAnswerUpstreamParses() throws IOException {
    assertSameIdentityFromEndpointAndVerifier(world.alice);
  }

  @Test
  void aRoleSessionTokenGetsTheJsonAnswerUpstreamParses() throws IOException {
    assertSameIdentityFromEndpointAndVerifier(world.assume("ci-runner", "EKSGetTokenAuth"));
  }

  @Test
  void anotherClusterIdIsRefused() throws IOException {
    String url = presign(world.alice);
    AwsResponse response = send(url, "other-cluster");
    assertThat(response.status()).isEqualTo(403);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.at("/Error/Code").asText()).isEqualTo("SignatureDoesNotMatch");
    assertThat(verifier.verify(TokenWorld.token(url), "other-cluster"))
        .isInstanceOf(TokenVerification.Rejected.class);
  }

  private void assertSameIdentityFromEndpointAndVerifier(SigningCredentials credentials) throws IOException {
    String url = presign(credentials);
    AwsResponse response = send(url, TokenWorld.CLUSTER);
    assertThat(response.status()).as(new String(response.body())).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(names(body)).containsExactly("GetCallerIdentityResponse");
    JsonNode inner = body.get("GetCallerIdentityResponse");
    assertThat(names(inner)).containsExactlyInAnyOrder("GetCallerIdentityResult", "ResponseMetadata");
    JsonNode result = inner.get("GetCallerIdentityResult");
    assertThat(names(result)).containsExactlyInAnyOrder("Account", "Arn", "UserId");
    assertThat(names(inner.get("ResponseMetadata"))).containsExactly("RequestId");
    assertThat(inner.at("/ResponseMetadata/RequestId").asText()).isEqualTo(response.requestId());

    TokenVerification local = verifier.verify(TokenWorld.token(url), TokenWorld.CLUSTER);
    assertThat(local).isInstanceOf(TokenVerification.Verified.class);
    AwsIdentity identity = ((TokenVerification.Verified) local).identity();
    assertThat(result.get("Account").asText()).isEqualTo(identity.accountId());
    assertThat(result.get("Arn").asText()).isEqualTo(identity.arn());
    assertThat(result.get("UserId").asText()).isEqualTo(identity.userId());
  }

  private String presign(SigningCredentials credentials) {
    return TokenWorld.presignedUrl(credentials,
        TokenWorld.Mint.botocore(TokenWorld.OWN_ENDPOINT, "us-east-1", world.kit.clock().instant()));
  }

  /** The request upstream's verifier makes of the URL. */
  private AwsResponse send(String url, String clusterId) {
    String rawQuery = url.substring(url.indexOf('?') + 1);
    HttpRequestView request = new HttpRequestView("GET", "/", rawQuery, Headers.of("Host", "127.0.0.1:6480",
        "x-k8s-aws-id", clusterId, "Accept", "application/json"), null);
    return api.handle(request, "127.0.0.1", false);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
