package dev.gatehouse.kube.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates a Gatehouse data directory holds: generated on first start, reused afterwards so restarts
 * keep the same CA (and every kubeconfig issued from it keeps working).
 */
public record ServerPki(CertificateAuthority ca, CertificateAuthority.Issued serving,
    CertificateAuthority.Issued admin) {

  public static final String ADMIN_USER = "gatehouse-admin";
  public static final String ADMIN_GROUP = "system:masters";

  public static ServerPki loadOrCreate(Path pkiDir, Clock clock) {
    try {
      Files.createDirectories(pkiDir);
      Path caCrt = pkiDir.resolve("ca.crt");
      Path caKey = pkiDir.resolve("ca.key");
      CertificateAuthority ca;
      if (Files.exists(caCrt) && Files.exists(caKey)) {
        ca = new CertificateAuthority(Pem.certificate(Files.readString(caCrt)), Pem.privateKey(Files.readString(caKey)));
      } else {
        ca = CertificateAuthority.create("gatehouse-ca", clock.instant(), Duration.ofDays(3650));
        writePrivate(caKey, Pem.encode(ca.key()));
        writePublic(caCrt, Pem.encode(ca.certificate()));
      }
      CertificateAuthority.Issued serving = loadOrIssue(pkiDir, "serving",
          () -> ca.issueServing("gatehouse", List.of("localhost", "gatehouse"), List.of("127.0.0.1", "::1"),
              clock.instant(), Duration.ofDays(365)));
      CertificateAuthority.Issued admin = loadOrIssue(pkiDir, "admin",
          () -> ca.issueClient(ADMIN_USER, List.of(ADMIN_GROUP), clock.instant(), Duration.ofDays(365)));
      return new ServerPki(ca, serving, admin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The certificates in {@code pkiDir} when all of them are there. */
  public static Optional<ServerPki> read(Path pkiDir) {
    try {
      for (String name : List.of("ca", "serving", "admin")) {
        if (!Files.exists(pkiDir.resolve(name + ".crt")) || !Files.exists(pkiDir.resolve(name + ".key"))) {
          return Optional.empty();
        }
      }
      CertificateAuthority ca = new CertificateAuthority(Pem.certificate(Files.readString(pkiDir.resolve("ca.crt"))),
          Pem.privateKey(Files.readString(pkiDir.resolve("ca.key"))));
      return Optional.of(new ServerPki(ca, readIssued(pkiDir, "serving"), readIssued(pkiDir, "admin")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every certificate and key into {@code pkiDir} (keys owner-readable only), replacing what is there. */
  public void writeTo(Path pkiDir) {
    try {
      Files.createDirectories(pkiDir);
      writePrivate(pkiDir.resolve("ca.key"), Pem.encode(ca.key()));
      writePublic(pkiDir.resolve("ca.crt"), Pem.encode(ca.certificate()));
      for (var entry : Map.of("serving", serving, "admin", admin).entrySet()) {
        writePrivate(pkiDir.resolve(entry.getKey() + ".key"), entry.getValue().keyPem());
        writePublic(pkiDir.resolve(entry.getKey() + ".crt"), entry.getValue().certificatePem());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CertificateAuthority.Issued readIssued(Path dir, String name) throws IOException {
    return new CertificateAuthority.Issued(Pem.certificate(Files.readString(dir.resolve(name + ".crt"))),
        Pem.privateKey(Files.readString(dir.resolve(name + ".key"))));
  }

  private static CertificateAuthority.Issued loadOrIssue(Path dir, String name,
      java.util.function.Supplier<CertificateAuthority.Issued> issue) throws IOException {
    Path crt = dir.resolve(name + ".crt");
    Path key = dir.resolve(name + ".key");
    if (Files.exists(crt) && Files.exists(key)) {
      return readIssued(dir, name);
    }
    CertificateAuthority.Issued issued = issue.get();
    writePrivate(key, issued.keyPem());
    writePublic(crt, issued.certificatePem());
    return issued;
  }

  /** Writes a secret readable by the owner only, atomically (a crash leaves the old file or the new one). */
  public static void writePrivate(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writePublic(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
