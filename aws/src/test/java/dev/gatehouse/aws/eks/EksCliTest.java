package dev.gatehouse.aws.eks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.aws.bootstrap.AccountBootstrap;
import dev.gatehouse.aws.server.AwsEndpoint;
import dev.gatehouse.aws.testing.FakeClusterHost;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code aws eks} CLI (aws-cli 1.45 / botocore 1.43) against an in-process AwsEndpoint on 127.0.0.1.
 * Skipped where {@code aws} is not installed, unless GATEHOUSE_REQUIRE_AWS_CLI=1 makes its absence a failure.
 */
class EksCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  @Test
  void theAwsCliDrivesClustersAccessEntriesAndPolicies(@TempDir Path dir) throws Exception {
    boolean present = awsCliPresent();
    if ("1".equals(System.getenv("GATEHOUSE_REQUIRE_AWS_CLI"))) {
      assertThat(present).as("GATEHOUSE_REQUIRE_AWS_CLI=1 but `aws` is not runnable").isTrue();
    }
    assumeTrue(present, "the aws CLI is not installed");
    FakeClusterHost host = new FakeClusterHost();
    try (SqliteStore store = SqliteStore.open(dir.resolve("store"), SqliteStore.Options.defaults());
        AwsEndpoint endpoint = AwsEndpoint.start(new AwsEndpoint.Options("127.0.0.1", 0, store, Clock.systemUTC(),
            "123456789012", null, 2, "us-east-1", List.of(), List.of(), null, host))) {
      AccountBootstrap.AdminKey admin = endpoint.admin().orElseThrow();
      Cli aws = new Cli(dir, endpoint.url(), admin);

      aws.ok("iam", "create-role", "--role-name", "dev", "--path", "/team/", "--assume-role-policy-document",
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
              + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
      JsonNode created = aws.ok("eks", "create-cluster", "--name", "demo", "--role-arn",
          "arn:aws:iam::123456789012:role/eks", "--resources-vpc-config", "subnetIds=subnet-1,subnet-2",
          "--access-config", "authenticationMode=API_AND_CONFIG_MAP").json();
      assertThat(created.at("/cluster/status").asText()).isEqualTo("ACTIVE");
      // aws-cli v1 prints timestamps as received (cli_timestamp_format "none"): epoch seconds.
      assertThat(created.at("/cluster/createdAt").isNumber()).isTrue();
      assertThat(host.provisioned()).containsExactly("demo");

      Path kubeconfig = dir.resolve("kubeconfig");
      aws.ok("eks", "update-kubeconfig", "--name", "demo", "--kubeconfig", kubeconfig.toString());
      assertThat(Files.readString(kubeconfig)).contains("server: " + FakeClusterHost.BASE + "demo",
          "certificate-authority-data: " + FakeClusterHost.caData("demo"),
          "arn:aws:eks:us-east-1:123456789012:cluster/demo");

      String role = "arn:aws:iam::123456789012:role/team/dev";
      aws.ok("eks", "create-access-entry", "--cluster-name", "demo", "--principal-arn", role,
          "--kubernetes-groups", "devs");
      JsonNode entry = aws.ok("eks", "describe-access-entry", "--cluster-name", "demo", "--principal-arn", role).json();
      assertThat(entry.at("/accessEntry/username").asText())
          .isEqualTo("arn:aws:sts::123456789012:assumed-role/dev/{{SessionName}}");
      JsonNode associated = aws.ok("eks", "associate-access-policy", "--cluster-name", "demo", "--principal-arn",
          role, "--policy-arn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", "--access-scope",
          "type=namespace,namespaces=dev").json();
      assertThat(associated.at("/associatedAccessPolicy/accessScope/namespaces/0").asText()).isEqualTo("dev");
      assertThat(aws.ok("eks", "list-access-policies").json().at("/accessPolicies").size()).isEqualTo(19);
      assertThat(aws.ok("eks", "list-access-entries", "--cluster-name", "demo").json().at("/accessEntries/0")
          .asText()).isEqualTo(role);

      JsonNode update = aws.ok("eks", "update-cluster-config", "--name", "demo", "--access-config",
          "authenticationMode=API").json();
      assertThat(update.at("/update/type").asText()).isEqualTo("AccessConfigUpdate");
      Run backwards = aws.run("eks", "update-cluster-config", "--name", "demo", "--access-config",
          "authenticationMode=CONFIG_MAP");
      assertThat(backwards.exit()).isNotZero();
      assertThat(backwards.err()).contains("An error occurred (InvalidParameterException) when calling the "
          + "UpdateClusterConfig operation: Unsupported authentication mode update from API to CONFIG_MAP");
      Run missing = aws.run("eks", "describe-access-entry", "--cluster-name", "demo", "--principal-arn",
          "arn:aws:iam::123456789012:role/path/dev role");
      assertThat(missing.err()).contains("An error occurred (ResourceNotFoundException) when calling the "
          + "DescribeAccessEntry operation: The specified principalArn could not be found.");
      Run nope = aws.run("eks", "describe-cluster", "--name", "nope");
      assertThat(nope.err()).contains("An error occurred (ResourceNotFoundException) when calling the "
          + "DescribeCluster operation: No cluster found for name: nope.");

      assertThat(aws.ok("eks", "list-clusters").json().at("/clusters/0").asText()).isEqualTo("demo");
      assertThat(aws.ok("eks", "delete-cluster", "--name", "demo").json().at("/cluster/status").asText())
          .isEqualTo("DELETING");
      assertThat(host.released()).containsExactly("demo");
      assertThat(aws.ok("eks", "list-clusters").json().at("/clusters").size()).isZero();
    }
  }

  /** Runs {@code aws} with only the endpoint's bootstrap key in its environment. */
  private record Cli(Path dir, String url, AccountBootstrap.AdminKey key) {
    Run ok(String... args) throws Exception {
      Run r = run(args);
      assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
      return r;
    }

    Run run(String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", url, "--output", "json"));
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command);
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("AWS_"));
      env.put("AWS_ACCESS_KEY_ID", key.accessKeyId());
      env.put("AWS_SECRET_ACCESS_KEY", key.secret());
      env.put("AWS_DEFAULT_REGION", "us-east-1");
      env.put("AWS_CONFIG_FILE", dir.resolve("aws-config").toString());
      env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws-credentials").toString());
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      env.put("NO_PROXY", "127.0.0.1");
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
  }

  private static boolean awsCliPresent() {
    try {
      Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
