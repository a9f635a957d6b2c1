package dev.gatehouse.e2e.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a client program (aws, python3) with an environment built from scratch for AWS: every inherited
 * {@code AWS_*} variable is dropped, so a developer's own profile, keys or endpoint can never leak into a test.
 */
final class Subprocess {
  record Result(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  private Subprocess() {}

  static Result run(List<String> command, Map<String, String> awsEnv, Path workDir, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("BOTO_"));
    // No instance-metadata probe when a profile has no keys: a test must fail fast, not wait on 169.254.169.254.
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.putAll(awsEnv);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = readAsync(process.getInputStream());
    CompletableFuture<String> err = readAsync(process.getErrorStream());
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " timed out after " + timeoutSeconds + "s; stderr so far: "
          + err.getNow(""));
    }
    return new Result(process.exitValue(), out.join(), err.join());
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }

  /** Whether {@code command} runs and exits 0 within 60 s. */
  static boolean succeeds(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
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
