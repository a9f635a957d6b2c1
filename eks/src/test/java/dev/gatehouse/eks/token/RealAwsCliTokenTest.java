package dev.gatehouse.eks.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tokens minted by the real {@code aws eks get-token} (aws-cli v1) for Gatehouse's endpoint
 * ({@code AWS_ENDPOINT_URL_STS}), verified against the kit's credentials at the real time. Skipped without an
 * {@code aws} on the PATH, unless {@code GATEHOUSE_REQUIRE_AWS_CLI=1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAwsCliTokenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path aws;
  private TokenWorld world;
  private K8sAwsTokenVerifier verifier;

  @BeforeAll
  void setUp() {
    Optional<Path> found = onPath("aws");
    if (found.isEmpty()) {
      if ("1".equals(System.getenv("GATEHOUSE_REQUIRE_AWS_CLI"))) {
        fail("GATEHOUSE_REQUIRE_AWS_CLI=1 but there is no aws executable on the PATH");
      }
      Assumptions.abort("no aws executable on the PATH");
    }
    aws = found.get();
    world = new TokenWorld();
    world.kit.clock().set(Instant.now());
    verifier = new K8sAwsTokenVerifier(world.resolver(), StsHosts.of("aws", List.of("us-east-1"),
        List.of(TokenWorld.OWN_ENDPOINT)), world.kit.clock());
  }

  @AfterAll
  void tearDown() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void aUserKeyTokenVerifiesForItsClusterOnly() throws Exception {
    String token = getToken(world.alice);
    TokenVerification result = verifier.verify(token, "demo");
    assertThat(result).as("%s", result).isInstanceOf(TokenVerification.Verified.class);
    AwsIdentity identity = ((TokenVerification.Verified) result).identity();
    assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    assertThat(identity.accessKeyId()).isEqualTo(world.alice.accessKeyId());
    assertThat(verifier.verify(token, "prod")).isInstanceOf(TokenVerification.Rejected.class);
  }

  @Test
  void aRoleSessionTokenVerifies() throws Exception {
    SigningCredentials session = world.assume("deployer", "EKSGetTokenAuth");
    TokenVerification result = verifier.verify(getToken(session), "demo");
    assertThat(result).as("%s", result).isInstanceOf(TokenVerification.Verified.class);
    AwsIdentity identity = ((TokenVerification.Verified) result).identity();
    assertThat(identity.canonicalArn()).isEqualTo("arn:aws:iam::123456789012:role/deployer");
    assertThat(identity.sessionName()).isEqualTo("EKSGetTokenAuth");
  }

  private String getToken(SigningCredentials credentials) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("gatehouse-aws-cli");
    try {
      ProcessBuilder builder = new ProcessBuilder(aws.toString(), "eks", "get-token", "--cluster-name", "demo",
          "--output", "json");
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("AWS_"));
      env.put("HOME", home.toString());
      env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
      env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
      credentials.sessionToken().ifPresent(t -> env.put("AWS_SESSION_TOKEN", t));
      env.put("AWS_ENDPOINT_URL_STS", TokenWorld.OWN_ENDPOINT);
      env.put("AWS_DEFAULT_REGION", "us-east-1");
      builder.redirectErrorStream(false).redirectError(home.resolve("stderr").toFile());
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("aws eks get-token did not finish in 60 s");
      }
      assertThat(process.exitValue()).as(Files.readString(home.resolve("stderr"))).isZero();
      JsonNode credential = JSON.readTree(new String(out, StandardCharsets.UTF_8));
      assertThat(credential.get("kind").asText()).isEqualTo("ExecCredential");
      return credential.at("/status/token").asText();
    } finally {
      try (var files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Optional<Path> onPath(String name) {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, name));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }
}
