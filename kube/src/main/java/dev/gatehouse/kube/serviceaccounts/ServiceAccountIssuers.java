package dev.gatehouse.kube.serviceaccounts;

import dev.gatehouse.kube.authn.AuthenticationResult;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authn.tokens.serviceaccount.BoundTokenIssuer;
import dev.gatehouse.kube.authn.tokens.serviceaccount.ServiceAccountAuthResult;
import dev.gatehouse.kube.authn.tokens.serviceaccount.ServiceAccountKeys;
import dev.gatehouse.kube.authn.tokens.serviceaccount.ServiceAccountTokenAuthenticator;
import dev.gatehouse.kube.authn.tokens.serviceaccount.VerifiedTokenCache;
import dev.gatehouse.kube.cluster.Clusters;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.registry.ObjectStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import dev.gatehouse.store.CreateOnce;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service-account token issuer of each logical cluster: its signing keys, its issuer URL
 * ({@code <issuer base><cluster prefix>}), TokenRequest issuance and bearer-token verification.
 *
 * <p>The keys live in the store under {@link #KEYS_PREFIX} (sealed at rest), created once by whichever replica
 * needs them first, so every replica signs with the same key and verifies what any other issued. A rotation
 * (or a prune of retired keys) written by any replica or by {@code gatehouse rotate-service-account-key}
 * reaches every replica through the store's watch. A key file {@code <pki>/service-account-<cluster>.pem} from
 * before keys moved into the store is imported once.
 */
public final class ServiceAccountIssuers implements TokenAuthenticator, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountIssuers.class);
  public static final String KEYS_PREFIX = "/gatehouse/secrets/service-account-keys/";

  private final Path pkiDir;
  private final Supplier<String> issuerBase;
  private final ObjectStorage storage;
  private final Clusters clusters;
  private final Clock clock;
  private final Map<String, Loaded> issuers = new ConcurrentHashMap<>();
  private final Watch watch;

  /** One cluster's keys, issuer and verifier. */
  public record Issuer(String issuerUrl, ServiceAccountKeys keys, BoundTokenIssuer tokens,
      ServiceAccountTokenAuthenticator verifier) {}

  /** An issuer and the store revision of the keys it was built from (older watch events must not replace it). */
  private record Loaded(Issuer issuer, long revision) {}

  /** @param issuerBase the issuer URL of the default cluster (known once the listener is bound) */
  public ServiceAccountIssuers(Path pkiDir, Supplier<String> issuerBase, ObjectStorage storage,
      Clusters clusters, Clock clock) {
    this.pkiDir = pkiDir;
    this.issuerBase = issuerBase;
    this.storage = storage;
    this.clusters = clusters;
    this.clock = clock;
    Store store = storage.store();
    this.watch = store.watch(KEYS_PREFIX, store.currentRevision(), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        events.forEach(ServiceAccountIssuers.this::follow);
      }

      @Override
      public void onClosed(Throwable cause) {
        LOG.error("service-account keys no longer follow the store; rotations made elsewhere need a restart", cause);
      }
    });
  }

  /** The store key holding a cluster's signing keys ("" is the default cluster). */
  public static String keysKey(String cluster) {
    return KEYS_PREFIX + (cluster.isEmpty() ? "default-cluster" : "clusters/" + cluster);
  }

  /** The key file of a cluster before keys moved into the store ("" is the default cluster). */
  public static Path legacyKeyFile(Path pkiDir, String cluster) {
    return pkiDir.resolve("service-account-" + (cluster.isEmpty() ? "default" : cluster) + ".pem");
  }

  public Issuer issuer(LogicalCluster cluster) {
    return issuers.computeIfAbsent(cluster.name(), name -> load(cluster)).issuer();
  }

  private Loaded load(LogicalCluster cluster) {
    String key = keysKey(cluster.name());
    CreateOnce.value(storage.store(), key, () -> initialKeys(cluster.name()));
    KeyValue stored = storage.store().range(RangeRequest.get(key)).kvs().get(0);
    return new Loaded(build(cluster, stored.value()), stored.modRevision());
  }

  private byte[] initialKeys(String cluster) {
    Path legacy = legacyKeyFile(pkiDir, cluster);
    try {
      return Files.exists(legacy) ? Files.readAllBytes(legacy) : ServiceAccountKeys.generate(clock).toPem();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Issuer build(LogicalCluster cluster, byte[] pem) {
    ServiceAccountKeys keys = ServiceAccountKeys.fromPem(pem, clock);
    String issuerUrl = issuerBase.get() + cluster.urlPrefix();
    BoundTokenIssuer tokens = new BoundTokenIssuer(keys, issuerUrl, List.of(issuerUrl), clock);
    ServiceAccountTokenAuthenticator verifier = ServiceAccountTokenAuthenticator
        .builder(keys, new StoredBoundObjects(storage, cluster), clock)
        .issuers(List.of(issuerUrl)).apiAudiences(List.of(issuerUrl)).legacyTokens(true)
        .cache(new VerifiedTokenCache(100_000, clock)).build();
    return new Issuer(issuerUrl, keys, tokens, verifier);
  }

  /** A rotation or prune written anywhere: rebuild that cluster's issuer if this replica has built it. */
  private void follow(WatchEvent event) {
    String rest = event.kv().key().substring(KEYS_PREFIX.length());
    String name = rest.equals("default-cluster") ? "" : rest.startsWith("clusters/") ? rest.substring(9) : null;
    if (name == null) {
      return;
    }
    if (event.type() == WatchEvent.Type.DELETE) {
      issuers.remove(name);
      return;
    }
    issuers.computeIfPresent(name, (n, loaded) -> {
      if (loaded.revision() >= event.revision()) {
        return loaded;
      }
      LogicalCluster cluster = clusters.get(n).orElse(null);
      if (cluster == null) {
        return null;
      }
      Issuer rebuilt = build(cluster, event.kv().value());
      LOG.info("service-account keys of cluster '{}' changed in the store (revision {}); signing with key {}", n,
          event.revision(), rebuilt.keys().signingKey().keyId());
      return new Loaded(rebuilt, event.revision());
    });
  }

  @Override
  public void close() {
    watch.close();
  }

  @Override
  public AuthenticationResult authenticateToken(String cluster, String token) {
    LogicalCluster logical = clusters.get(cluster).orElse(null);
    if (logical == null) {
      return new AuthenticationResult.NotApplicable();
    }
    ServiceAccountAuthResult result = issuer(logical).verifier().authenticate(token);
    if (result instanceof ServiceAccountAuthResult.Authenticated a) {
      return new AuthenticationResult.Authenticated(new UserInfo(a.user().name(), a.user().uid(), a.user().groups(),
          a.user().extra()));
    }
    if (result instanceof ServiceAccountAuthResult.Rejected r) {
      return new AuthenticationResult.Rejected("service account token: " + r.reason());
    }
    return new AuthenticationResult.NotApplicable();
  }
}
