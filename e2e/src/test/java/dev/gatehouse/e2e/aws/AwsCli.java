package dev.gatehouse.e2e.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real aws CLI as a test runs it: its own HOME and copy of the profile files, pointed at one Gatehouse
 * endpoint, with nothing inherited from the developer's AWS settings (see {@link Subprocess}).
 */
final class AwsCli {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path workDir;
  private final Map<String, String> env;

  /** @param endpointEnv {@code AWS_ENDPOINT_URL} (and {@code AWS_CA_BUNDLE} for HTTPS), plus any other variable */
  AwsCli(Path workDir, Path home, Profiles profiles, Map<String, String> endpointEnv) {
    this.workDir = workDir;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("HOME", home.toString());
    all.put("AWS_CONFIG_FILE", profiles.config().toString());
    all.put("AWS_SHARED_CREDENTIALS_FILE", profiles.credentials().toString());
    all.putAll(endpointEnv);
    this.env = Map.copyOf(all);
  }

  /** The profile files' variables, for another client (kubectl's exec plugin) to find the same profiles. */
  static Map<String, String> profileEnv(Profiles profiles) {
    return Map.of("AWS_CONFIG_FILE", profiles.config().toString(),
        "AWS_SHARED_CREDENTIALS_FILE", profiles.credentials().toString());
  }

  /** {@code aws --output json --profile P ARGS}; {@code profile} null sends no credentials at all. */
  Subprocess.Result run(String profile, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws", "--output", "json"));
    if (profile == null) {
      command.addAll(List.of("--no-sign-request", "--region", "us-east-1"));
    } else {
      command.addAll(List.of("--profile", profile));
    }
    command.addAll(List.of(args));
    return Subprocess.run(command, env, workDir, 90);
  }

  /** Exit 0; the JSON it printed (an empty object for no output). */
  static JsonNode ok(Subprocess.Result r) throws IOException {
    assertThat(r.exitCode()).as(r.describe()).isZero();
    return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
  }

  /**
   * The CLI's one-line report of a service error, exactly as botocore formats it, as the last line of stderr (an
   * interpreter may print warnings before it); exit status 255 (CLI v1).
   */
  static void refused(Subprocess.Result r, String code, String operation, String message) {
    String[] lines = r.stderr().strip().split("\n");
    assertThat(lines[lines.length - 1]).as(r.describe())
        .isEqualTo("An error occurred (" + code + ") when calling the " + operation + " operation: " + message);
    assertThat(r.exitCode()).isEqualTo(255);
  }
}
