package dev.gatehouse.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl with a fresh HOME (so no discovery or OpenAPI cache leaks between tests). */
public final class Kubectl {
  private final Path home;
  private final Path kubeconfig;
  private final Path workDir;
  private final Map<String, String> awsEnv;

  public Kubectl(Path home, Path kubeconfig, Path workDir) {
    this(home, kubeconfig, workDir, null);
  }

  /**
   * @param awsEnv when not null, kubectl (and so its exec credential plugins, e.g. {@code aws eks get-token})
   *     runs with these {@code AWS_*} variables and none inherited
   */
  public Kubectl(Path home, Path kubeconfig, Path workDir, Map<String, String> awsEnv) {
    this.home = home;
    this.kubeconfig = kubeconfig;
    this.workDir = workDir;
    this.awsEnv = awsEnv == null ? null : Map.copyOf(awsEnv);
  }

  public record Result(int exitCode, String stdout, String stderr) {}

  public Result run(List<String> args, String stdin, long timeoutSeconds) throws IOException, InterruptedException {
    Process process = start(args);
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    var out = readAsync(process.getInputStream());
    var err = readAsync(process.getErrorStream());
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("kubectl " + args + " timed out after " + timeoutSeconds + "s; stdout so far: "
          + out.join());
    }
    return new Result(process.exitValue(), out.join(), err.join());
  }

  public Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString());
    env.put("KUBECONFIG", kubeconfig.toString());
    env.remove("KUBERNETES_SERVICE_HOST");
    if (awsEnv != null) {
      env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("BOTO_"));
      env.put("AWS_EC2_METADATA_DISABLED", "true");
      env.putAll(awsEnv);
    }
    return builder.start();
  }

  static java.util.concurrent.CompletableFuture<String> readAsync(java.io.InputStream in) {
    return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }

  public static boolean available() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * Skips the calling test when kubectl is missing, or fails it when {@code GATEHOUSE_REQUIRE_KUBECTL=1} (CI):
   * end-to-end proof must not silently disappear.
   */
  public static void require() {
    boolean present = available();
    if (!present && "1".equals(System.getenv("GATEHOUSE_REQUIRE_KUBECTL"))) {
      throw new AssertionError("kubectl is required (GATEHOUSE_REQUIRE_KUBECTL=1) but is not installed");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(present, "kubectl is not installed");
  }

  public Path workDir() {
    return workDir;
  }

  public static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
