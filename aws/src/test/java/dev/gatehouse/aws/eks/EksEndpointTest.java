package dev.gatehouse.aws.eks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.server.AwsAuditLog;
import dev.gatehouse.aws.server.AwsResponse;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import dev.gatehouse.aws.testing.Botocore;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing, the no-host configuration, the audit log, and requests serialised and signed by botocore itself. */
class EksEndpointTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:10:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void withoutAClusterHostEveryEksPathIsAnUnknownOperation(@TempDir Path dir) throws Exception {
    try (EksTestbed bed = new EksTestbed(dir, NOW, false)) {
      AwsResponse r = bed.call(bed.rest(bed.admin(), "GET", "/clusters", null, null, "eks", "us-east-1"));
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.headers()).containsEntry("X-Amzn-ErrorType", "UnknownOperationException");
      assertThat(JSON.readTree(r.body()).path("message").asText()).isEqualTo("Unknown operation: GET /clusters");
      // The Query endpoint at "/" is untouched by the router.
      assertThat(bed.query(bed.admin(), "sts", Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15")))
          .contains("<Arn>arn:aws:iam::123456789012:user/gatehouse-admin</Arn>");
    }
  }

  @Test
  void eksRequestsAreAuditedLikeQueryRequests(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    AwsAuditLog audit = AwsAuditLog.open(file);
    try (EksTestbed bed = new EksTestbed(dir.resolve("store"), NOW, true, audit)) {
      bed.call(bed.rest(bed.admin(), "GET", "/clusters/nope", null, null, "eks", "eu-west-1"));
      bed.call(bed.rest(SigningCredentials.of(bed.admin().accessKeyId(), "z".repeat(40)), "GET", "/clusters", null,
          null, "eks", "eu-west-1"));
    } finally {
      audit.close();
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    assertThat(first.at("/eventSource").asText()).isEqualTo("eks.amazonaws.com");
    assertThat(first.at("/eventName").asText()).isEqualTo("DescribeCluster");
    assertThat(first.at("/awsRegion").asText()).isEqualTo("eu-west-1");
    assertThat(first.at("/userIdentity/arn").asText()).isEqualTo("arn:aws:iam::123456789012:user/gatehouse-admin");
    assertThat(first.at("/responseStatus").asInt()).isEqualTo(404);
    assertThat(first.at("/errorCode").asText()).isEqualTo("ResourceNotFoundException");
    JsonNode second = lines.get(1);
    assertThat(second.at("/eventName").asText()).isEqualTo("ListClusters");
    assertThat(second.at("/errorCode").asText()).isEqualTo("InvalidSignatureException");
    assertThat(second.at("/gatehouseReason").asText()).contains("rejected");
    assertThat(Files.readString(file)).doesNotContain("z".repeat(40));
  }

  /**
   * botocore's own EKS client serialises and signs the requests (botocore_sign.py captures them unsent); they
   * are replayed byte for byte. The principal ARN with a path and a space proves the server canonicalises the
   * raw path as botocore does (%2F → %252F, %20 → %2520).
   */
  @Test
  void requestsSignedByBotocoreAreAccepted(@TempDir Path dir) throws Exception {
    assumeTrue(Botocore.available(), "python3 with botocore is not installed");
    try (EksTestbed bed = new EksTestbed(dir, Instant.now().truncatedTo(ChronoUnit.SECONDS), true)) {
      SigningCredentials admin = bed.admin();
      bed.query(admin, "iam", Map.of("Action", "CreateRole", "Version", "2010-05-08", "RoleName", "dev", "Path",
          "/team/", "AssumeRolePolicyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
      List<HttpRequestView> requests = botocoreRequests(admin, List.of(
          call("create_cluster", Map.of("name", "demo", "roleArn", "arn:aws:iam::123456789012:role/eks",
              "resourcesVpcConfig", Map.of("subnetIds", List.of("subnet-1")),
              "accessConfig", Map.of("authenticationMode", "API"))),
          call("create_access_entry", Map.of("clusterName", "demo",
              "principalArn", "arn:aws:iam::123456789012:role/team/dev", "kubernetesGroups", List.of("devs"))),
          call("describe_access_entry", Map.of("clusterName", "demo",
              "principalArn", "arn:aws:iam::123456789012:role/team/dev")),
          call("describe_access_entry", Map.of("clusterName", "demo",
              "principalArn", "arn:aws:iam::123456789012:role/path/dev role")),
          call("list_access_entries", Map.of("clusterName", "demo", "maxResults", 1))));
      List<AwsResponse> answers = requests.stream().map(bed::call).toList();
      assertThat(answers).extracting(AwsResponse::status).containsExactly(200, 200, 200, 404, 200);
      assertThat(JSON.readTree(answers.get(2).body()).at("/accessEntry/kubernetesGroups/0").asText()).isEqualTo("devs");
      assertThat(answers.get(3).headers()).containsEntry("X-Amzn-ErrorType", "ResourceNotFoundException");
      assertThat(JSON.readTree(answers.get(4).body()).at("/nextToken").isTextual()).isTrue();
    }
  }

  private static Map<String, Object> call(String operation, Map<String, Object> params) {
    return Map.of("operation", operation, "params", params);
  }

  private static List<HttpRequestView> botocoreRequests(SigningCredentials creds, List<Map<String, Object>> calls)
      throws Exception {
    ObjectNode job = JSON.createObjectNode();
    job.put("endpoint", "http://" + EksTestbed.HOST);
    job.put("region", "us-east-1");
    job.put("key", creds.accessKeyId());
    job.put("secret", creds.secretAccessKey());
    job.set("calls", JSON.valueToTree(calls));
    Path script = Path.of(EksEndpointTest.class.getResource("/eks/botocore_sign.py").toURI());
    Process process = new ProcessBuilder("python3", script.toString()).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(JSON.writeValueAsBytes(job));
    }
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(err).isTrue();
    List<HttpRequestView> views = new ArrayList<>();
    for (JsonNode r : JSON.readTree(out)) {
      // urllib3 adds Host from the URL when it sends; botocore signed it.
      Headers.Builder headers = Headers.builder().add("Host", EksTestbed.HOST);
      r.get("headers").forEach(h -> headers.add(h.get(0).asText(), h.get(1).asText()));
      views.add(new HttpRequestView(r.get("method").asText(), r.get("path").asText(),
          r.get("query").isNull() ? null : r.get("query").asText(), headers.build(),
          r.get("body").asText().getBytes(StandardCharsets.UTF_8)));
    }
    return views;
  }
}
