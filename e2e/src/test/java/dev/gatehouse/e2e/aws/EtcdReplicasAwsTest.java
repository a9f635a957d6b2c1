package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.e2e.GatehouseProcess;
import dev.gatehouse.e2e.EtcdReplicas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS side of two replicas on one etcd, with the real aws CLI: an IAM user created through A is there
 * through B, and temporary credentials STS issued on A are accepted by B (the session-token key and IAM live in
 * the store; each replica's AWS state follows the store's watch).
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdReplicasAwsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path temp;

  private EtcdReplicas replicas;
  private GatehouseProcess a;
  private GatehouseProcess b;
  private Profiles profiles;

  @BeforeAll
  void start() throws Exception {
    AwsClients.requireAwsCli();
    replicas = EtcdReplicas.start(temp, false);
    a = replicas.a();
    b = replicas.b();
    Map<String, String> exports = a.aws().exports();
    profiles = Profiles.copyOf(Path.of(exports.get("AWS_CONFIG_FILE")),
        Path.of(exports.get("AWS_SHARED_CREDENTIALS_FILE")), temp.resolve("aws"));
    Files.createDirectories(temp.resolve("home"));
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (replicas != null) {
      replicas.close();
    }
  }

  @Test
  void iamAndStsWorkAcrossReplicas() throws Exception {
    ok(aws(a, "gatehouse-admin", "iam", "create-user", "--user-name", "shared"));
    assertThat(ok(aws(b, "gatehouse-admin", "iam", "get-user", "--user-name", "shared")).at("/User/Arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:user/shared");

    JsonNode creds = ok(aws(a, "gatehouse-admin", "sts", "get-session-token")).get("Credentials");
    profiles.keys("session", creds.get("AccessKeyId").asText(), creds.get("SecretAccessKey").asText(),
        creds.get("SessionToken").asText()).profile("session", Map.of("region", "us-east-1"));
    assertThat(ok(aws(b, "session", "sts", "get-caller-identity")).get("Arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:user/gatehouse-admin");
  }

  private Subprocess.Result aws(GatehouseProcess replica, String profile, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "--output", "json", "--profile", profile));
    command.addAll(List.of(args));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", temp.resolve("home").toString());
    env.put("AWS_CONFIG_FILE", profiles.config().toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", profiles.credentials().toString());
    env.put("AWS_ENDPOINT_URL", replica.aws().url());
    return Subprocess.run(command, env, temp, 60);
  }

  private static JsonNode ok(Subprocess.Result r) throws Exception {
    assertThat(r.exitCode()).as(r.describe()).isZero();
    return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
  }
}
