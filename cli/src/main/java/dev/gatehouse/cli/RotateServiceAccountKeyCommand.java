package dev.gatehouse.cli;

import dev.gatehouse.kube.authn.tokens.serviceaccount.BoundTokenIssuer;
import dev.gatehouse.kube.authn.tokens.serviceaccount.ServiceAccountKeys;
import dev.gatehouse.kube.serviceaccounts.ServiceAccountIssuers;
import dev.gatehouse.store.Compare;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse rotate-service-account-key}: a new signing key for a cluster's service-account tokens. The old
 * key stays published (JWKS) and accepted until every token it signed has expired. The keys live in the store:
 * on etcd, running replicas pick the new key up from the store's watch; the embedded store belongs to one
 * process, so stop the server first.
 */
@Command(name = "rotate-service-account-key", mixinStandardHelpOptions = true,
    description = "Rotate the service-account signing key of a logical cluster (embedded store: server stopped).")
public final class RotateServiceAccountKeyCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = ".gatehouse", description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--cluster", defaultValue = "", description = "Logical cluster (default: the cluster at /).")
  String cluster;

  @Mixin
  StoreOptions storeOptions = new StoreOptions();

  @Override
  public Integer call() {
    StoreOptions.Opened opened = storeOptions.open(dataDir.toAbsolutePath());
    if (opened instanceof StoreOptions.Opened.Failed failed) {
      System.err.println("gatehouse: " + failed.message());
      return 2;
    }
    try (Store store = ((StoreOptions.Opened.Ok) opened).store()) {
      return rotate(store, Clock.systemUTC());
    } catch (StoreException e) {
      System.err.println("gatehouse: " + e.getMessage());
      return 1;
    }
  }

  private int rotate(Store store, Clock clock) {
    String key = ServiceAccountIssuers.keysKey(cluster);
    List<KeyValue> found = store.range(RangeRequest.get(key)).kvs();
    if (found.isEmpty()) {
      System.err.println("gatehouse: no service-account key for cluster '" + cluster + "' in the store (has the"
          + " server run yet?)");
      return 1;
    }
    KeyValue current = found.get(0);
    ServiceAccountKeys keys = ServiceAccountKeys.fromPem(current.value(), clock);
    String oldKid = keys.signingKey().keyId();
    // the issuer URL does not affect how long old keys are kept: that follows the maximum token lifetime
    var retention = new BoundTokenIssuer(keys, "https://unused", List.of(), clock).keyRetentionAfterRotation();
    keys.rotate(retention);
    boolean written = store.txn(Txn.of(new Compare.ModRevisionEquals(key, current.modRevision()),
        new Op.Put(key, keys.toPem()), null)).join().succeeded();
    if (!written) {
      System.err.println("gatehouse: the keys changed while rotating (another rotation?); run the command again");
      return 1;
    }
    System.out.println("rotated: new key " + keys.signingKey().keyId() + ", retired key " + oldKid
        + " kept for verification");
    return 0;
  }
}
