package dev.gatehouse.cli;

import dev.gatehouse.kube.authn.tokens.serviceaccount.BoundTokenIssuer;
import dev.gatehouse.kube.authn.tokens.serviceaccount.ServiceAccountKeys;
import dev.gatehouse.kube.pki.ServerPki;
import dev.gatehouse.kube.serviceaccounts.ServiceAccountIssuers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse rotate-service-account-key}: a new signing key for a cluster's service-account tokens. The old
 * key stays published (JWKS) and accepted until every token it signed has expired. Run it while the server is
 * stopped; the server reads the key file at start.
 */
@Command(name = "rotate-service-account-key", mixinStandardHelpOptions = true,
    description = "Rotate the service-account signing key of a logical cluster (server stopped).")
public final class RotateServiceAccountKeyCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = ".gatehouse", description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--cluster", defaultValue = "", description = "Logical cluster (default: the cluster at /).")
  String cluster;

  @Override
  public Integer call() throws Exception {
    Clock clock = Clock.systemUTC();
    Path file = ServiceAccountIssuers.keyFile(dataDir.resolve("pki"), cluster);
    if (!Files.exists(file)) {
      System.err.println("gatehouse: no service-account key at " + file + " (has the server run yet?)");
      return 1;
    }
    ServiceAccountKeys keys = ServiceAccountKeys.fromPem(Files.readAllBytes(file), clock);
    String oldKid = keys.signingKey().keyId();
    // the issuer URL does not affect how long old keys are kept: that follows the maximum token lifetime
    var retention = new BoundTokenIssuer(keys, "https://unused", List.of(), clock).keyRetentionAfterRotation();
    keys.rotate(retention);
    ServerPki.writePrivate(file, new String(keys.toPem(), StandardCharsets.UTF_8));
    System.out.println("rotated: new key " + keys.signingKey().keyId() + ", retired key " + oldKid
        + " kept for verification");
    return 0;
  }
}
