package dev.gatehouse.aws.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes {@code <data-dir>/aws/credentials} and {@code <data-dir>/aws/config} with profile
 * {@value #PROFILE} (the administrator's key, region and the endpoint), readable by the owner only, so that
 * {@code aws iam list-users} works once the printed exports are applied.
 */
public final class CredentialFiles {
  public static final String PROFILE = "gatehouse-admin";

  public record Paths(Path credentials, Path config) {}

  private CredentialFiles() {}

  public static Paths write(Path dataDir, AccountBootstrap.AdminKey key, String endpoint, String region) throws IOException {
    Path dir = dataDir.resolve("aws");
    Files.createDirectories(dir);
    Path credentials = dir.resolve("credentials");
    Path config = dir.resolve("config");
    writePrivate(credentials, "[" + PROFILE + "]\n"
        + "aws_access_key_id = " + key.accessKeyId() + "\n"
        + "aws_secret_access_key = " + key.secret() + "\n");
    writePrivate(config, "[profile " + PROFILE + "]\n"
        + "region = " + region + "\n"
        + "endpoint_url = " + endpoint + "\n");
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
