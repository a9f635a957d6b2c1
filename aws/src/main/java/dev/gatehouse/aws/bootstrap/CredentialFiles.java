package dev.gatehouse.aws.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code <data-dir>/aws/credentials} and {@code <data-dir>/aws/config} with profile
 * {@value #PROFILE} (the administrator's key, region and the endpoint) and one profile per further account,
 * readable by the owner only, so that
 * {@code aws iam list-users} works once the printed exports are applied.
 */
public final class CredentialFiles {
  public static final String PROFILE = "gatehouse-admin";

  public record Paths(Path credentials, Path config) {}

  private CredentialFiles() {}

  /**
   * @param others administrators of further accounts: profile {@code gatehouse-admin-<account>} each
   */
  public static Paths write(Path dataDir, AccountBootstrap.AdminKey key, Map<String, AccountBootstrap.AdminKey> others,
      String endpoint, String region) throws IOException {
    Path dir = dataDir.resolve("aws");
    Files.createDirectories(dir);
    Path credentials = dir.resolve("credentials");
    Path config = dir.resolve("config");
    StringBuilder creds = new StringBuilder();
    StringBuilder conf = new StringBuilder();
    Map<String, AccountBootstrap.AdminKey> profiles = new LinkedHashMap<>();
    profiles.put(PROFILE, key);
    others.forEach((account, k) -> profiles.put(PROFILE + "-" + account, k));
    profiles.forEach((profile, k) -> {
      creds.append('[').append(profile).append("]\n")
          .append("aws_access_key_id = ").append(k.accessKeyId()).append('\n')
          .append("aws_secret_access_key = ").append(k.secret()).append('\n');
      conf.append("[profile ").append(profile).append("]\n")
          .append("region = ").append(region).append('\n')
          .append("endpoint_url = ").append(endpoint).append('\n');
    });
    writePrivate(credentials, creds.toString());
    writePrivate(config, conf.toString());
    return new Paths(credentials, config);
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
