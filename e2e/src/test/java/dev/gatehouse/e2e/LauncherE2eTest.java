package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./gatehouse} launcher and {@code gatehouse self-check}: the launcher records the JVM's
 * class-data archive once per build by running self-check, and starts later runs with it. The launcher and the built
 * jar are copied into a temporary tree shaped like the repository, so the test never writes into the real build.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LauncherE2eTest {
  private static final String JAVA_BIN = Path.of(System.getProperty("java.home"), "bin").toString();

  private record Run(int exit, String stdout, String stderr) {}

  @Test
  void selfCheckStartsServeDrivesBothEndpointsAndCleansUp(@TempDir Path home) throws Exception {
    Run run = run(List.of(Path.of(JAVA_BIN, "java").toString(), "-jar", GatehouseProcess.jar().toString(),
        "self-check"), home, Map.of());

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).containsPattern("self-check: ok in \\d+ ms: Kubernetes API \\(TLS, client certificate,"
        + " create, get, list, delete\\) and AWS endpoint \\(SigV4 GetCallerIdentity as"
        + " arn:aws:iam::\\d{12}:\\S+\\)");
  }

  @Test
  void launcherRecordsTheClassDataArchiveOnceAndStartsWithIt(@TempDir Path root) throws Exception {
    Path launcher = root.resolve("gatehouse");
    Files.copy(Path.of("..", "gatehouse"), launcher);
    launcher.toFile().setExecutable(true);
    Path target = Files.createDirectories(root.resolve("cli").resolve("target"));
    Files.copy(GatehouseProcess.jar(), target.resolve("gatehouse.jar"));
    Path home = Files.createDirectories(root.resolve("home"));

    Run first = run(List.of(launcher.toString(), "--version"), home, Map.of());
    assertThat(first.exit()).as(first.stderr()).isZero();
    assertThat(first.stdout()).startsWith("gatehouse ");
    assertThat(first.stderr()).contains("recording the class-data archive");
    assertThat(target.resolve("gatehouse.jsa")).isNotEmptyFile();
    assertThat(Files.readString(target.resolve("gatehouse.jsa.log"))).contains("self-check: ok");

    Run second = run(List.of(launcher.toString(), "self-check"), home, Map.of());
    assertThat(second.exit()).as(second.stderr()).isZero();
    assertThat(second.stderr()).doesNotContain("recording").doesNotContain("warning");
    assertThat(second.stdout()).contains("self-check: ok");

    // a newer jar (a rebuild) makes the launcher record again
    assertThat(target.resolve("gatehouse.jar").toFile()
        .setLastModified(System.currentTimeMillis() + 5_000)).isTrue();
    Run offRun = run(List.of(launcher.toString(), "--version"), home, Map.of("GATEHOUSE_CDS", "off"));
    assertThat(offRun.stderr()).doesNotContain("recording");
    Run rebuilt = run(List.of(launcher.toString(), "--version"), home, Map.of());
    assertThat(rebuilt.exit()).as(rebuilt.stderr()).isZero();
    assertThat(rebuilt.stderr()).contains("recording the class-data archive");
  }

  private static Run run(List<String> command, Path home, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("PATH", JAVA_BIN + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException(command + " did not finish within 2 minutes: " + read(err));
    }
    return new Run(process.exitValue(), read(out), read(err));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
