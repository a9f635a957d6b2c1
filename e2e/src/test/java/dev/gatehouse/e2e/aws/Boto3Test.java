package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.e2e.GatehouseProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same walkthrough with boto3: {@code src/test/resources/aws/walkthrough.py} drives Gatehouse and prints
 * what boto3 returned as JSON; this test holds every expectation.
 */
@Tag("e2e")
class Boto3Test {
  private static final String ACCOUNT = "123456789012";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  @Test
  void theWalkthroughWorksWithBoto3() throws Exception {
    AwsClients.requireBoto3();
    Path policies = Files.createDirectories(temp.resolve("policies"));
    for (String name : List.of("eks-describe.json", "eks-viewer-trust.json", "eks-viewer-assume.json")) {
      Files.writeString(policies.resolve(name), AwsResources.text("policies/" + name));
    }
    Path script = temp.resolve("walkthrough.py");
    Files.writeString(script, AwsResources.text("walkthrough.py"));

    try (GatehouseProcess server = GatehouseProcess.start(temp.resolve("data"), 0, "--aws-port", "0")) {
      GatehouseProcess.AwsEndpoint aws = server.aws();
      Map<String, String> env = new LinkedHashMap<>(aws.exports());
      env.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
      Instant started = Instant.now();
      Subprocess.Result run = Subprocess.run(List.of("python3", script.toString(), aws.url(), policies.toString()),
          env, temp, 120);
      assertThat(run.exitCode()).as(run.describe() + "\n--- server log ---\n" + server.log()).isZero();
      JsonNode out = JSON.readTree(run.stdout());

      assertThat(out.get("adminArn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/gatehouse-admin");
      assertThat(out.get("userArn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/dev1");
      assertThat(out.get("accessKeyId").asText()).startsWith("AKIA").hasSize(20);
      assertThat(texts(out.get("groupMembers"))).containsExactly("dev1");
      String role = "arn:aws:iam::" + ACCOUNT + ":role/EKSMyExampleViewer";
      assertThat(out.get("roleArn").asText()).isEqualTo(role);
      String roleId = out.get("roleId").asText();
      assertThat(roleId).startsWith("AROA");
      assertThat(texts(out.get("rolePolicies"))).containsExactly("arn:aws:iam::" + ACCOUNT
          + ":policy/EKSMyExampleDescribe");
      assertThat(texts(out.get("groupPolicies"))).containsExactly("arn:aws:iam::" + ACCOUNT
          + ":policy/EKSMyExampleViewerRoleAssume");
      assertThat(out.get("trustPolicy")).as("decoded by botocore")
          .isEqualTo(JSON.readTree(AwsResources.text("policies/eks-viewer-trust.json")));

      assertThat(out.get("developerArn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/dev1");
      assertThat(out.get("developerListUsers")).isEqualTo(error(403, "AccessDenied",
          "User: arn:aws:iam::" + ACCOUNT + ":user/dev1 is not authorized to perform: iam:ListUsers on resource:"
              + " arn:aws:iam::" + ACCOUNT + ":user/ because no identity-based policy allows the iam:ListUsers action"));

      String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/EKSMyExampleViewer/boto3-session";
      assertThat(out.at("/assumedRoleUser/Arn").asText()).isEqualTo(sessionArn);
      assertThat(out.at("/assumedRoleUser/AssumedRoleId").asText()).isEqualTo(roleId + ":boto3-session");
      assertThat(out.get("temporaryKeyId").asText()).startsWith("ASIA").hasSize(20);
      Instant expiration = OffsetDateTime.parse(out.get("expiration").asText()).toInstant();
      assertThat(expiration).as("the default one-hour session")
          .isBetween(started.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
      assertThat(out.get("sessionIdentity")).isEqualTo(JSON.createObjectNode().put("Account", ACCOUNT)
          .put("Arn", sessionArn).put("UserId", roleId + ":boto3-session"));
      assertThat(out.get("sessionListRoles")).isEqualTo(error(403, "AccessDenied",
          "User: " + sessionArn + " is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + ACCOUNT
              + ":role/ because no identity-based policy allows the iam:ListRoles action"));
    }
  }

  private static JsonNode error(int status, String code, String message) {
    return JSON.createObjectNode().put("code", code).put("message", message).put("status", status);
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
