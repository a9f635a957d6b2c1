package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} with a flag or file it cannot start with: exit 2, one line naming the problem, nothing served. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ServeFlagsE2eTest {
  @TempDir
  Path dir;

  private record Exit(int code, String stdout, String stderr) {}

  private Exit serve(String... flags) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", GatehouseProcess.jar().toString(), "serve", "--data-dir", dir.resolve("data").toString(),
        "--kube-port", "0", "--aws-port", "0"));
    command.addAll(List.of(flags));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("serve kept running: " + Files.readString(out));
    }
    return new Exit(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void anAwsAccountIdThatIsNotTwelveDigits() throws Exception {
    Exit exit = serve("--aws-account-id", "12345");

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.stderr()).isEqualTo("gatehouse: an AWS account id must be 12 digits, got 12345\n");
    assertThat(exit.stdout()).doesNotContain("Gatehouse is serving");
  }

  @Test
  void anAuditPolicyFileThatIsNotAPolicy() throws Exception {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), "apiVersion: audit.k8s.io/v1\nkind: Policy\n"
        + "rules:\n- level: Loud\n");

    Exit exit = serve("--audit-policy-file", policy.toString());

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.stderr()).startsWith("gatehouse: ").endsWith(": from file " + policy + "\n").contains("Loud");
    assertThat(exit.stdout()).doesNotContain("Gatehouse is serving");
  }

  @Test
  void aStoreUrlThatIsNeitherEmbeddedNorEtcd() throws Exception {
    Exit exit = serve("--store", "mysql://127.0.0.1:3306");

    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.stderr()).startsWith("gatehouse: ").contains("mysql://127.0.0.1:3306");
    assertThat(exit.stdout()).doesNotContain("Gatehouse is serving");
  }
}
