package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.e2e.GatehouseProcess;
import dev.gatehouse.e2e.EtcdReplicas;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @TempDir
  static Path temp;

  private EtcdReplicas replicas;
  private GatehouseProcess a;
  private GatehouseProcess b;
  private Profiles profiles;

  @BeforeAll
  void start() throws Exception {
    AwsClients.requireAwsCli();
    replicas = EtcdReplicas.start(temp);
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
    return new AwsCli(temp, temp.resolve("home"), profiles, Map.of("AWS_ENDPOINT_URL", replica.aws().url()))
        .run(profile, args);
  }

  private static JsonNode ok(Subprocess.Result r) throws Exception {
    return AwsCli.ok(r);
  }
}
