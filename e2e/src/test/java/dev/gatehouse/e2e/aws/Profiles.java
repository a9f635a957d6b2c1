package dev.gatehouse.e2e.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A test's own copy of the shared config and credentials files (INI), starting from the ones Gatehouse wrote
 * for its administrator, with profiles appended the way a user would write them by hand.
 */
final class Profiles {
  private final Path config;
  private final Path credentials;

  private Profiles(Path config, Path credentials) {
    this.config = config;
    this.credentials = credentials;
  }

  /** Copies Gatehouse's printed files into {@code dir} so the test never edits the server's data directory. */
  static Profiles copyOf(Path gatehouseConfig, Path gatehouseCredentials, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path config = Files.copy(gatehouseConfig, dir.resolve("config"));
    Path credentials = Files.copy(gatehouseCredentials, dir.resolve("credentials"));
    return new Profiles(config, credentials);
  }

  Path config() {
    return config;
  }

  Path credentials() {
    return credentials;
  }

  /** Adds {@code [name]} to the credentials file; {@code sessionToken} may be null. */
  Profiles keys(String name, String accessKeyId, String secret, String sessionToken) throws IOException {
    StringBuilder section = new StringBuilder("\n[").append(name).append("]\n")
        .append("aws_access_key_id = ").append(accessKeyId).append('\n')
        .append("aws_secret_access_key = ").append(secret).append('\n');
    if (sessionToken != null) {
      section.append("aws_session_token = ").append(sessionToken).append('\n');
    }
    Files.writeString(credentials, section, java.nio.file.StandardOpenOption.APPEND);
    return this;
  }

  /** Adds {@code [profile name]} with the given settings (in order) to the config file. */
  Profiles profile(String name, Map<String, String> settings) throws IOException {
    StringBuilder section = new StringBuilder("\n[profile ").append(name).append("]\n");
    settings.forEach((k, v) -> section.append(k).append(" = ").append(v).append('\n'));
    Files.writeString(config, section, java.nio.file.StandardOpenOption.APPEND);
    return this;
  }
}
