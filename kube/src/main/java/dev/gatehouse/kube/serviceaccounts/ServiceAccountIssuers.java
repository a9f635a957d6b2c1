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

/**
 * The service-account token issuer of each logical cluster: its signing keys (persisted under
 * {@code <pki>/service-account-<cluster>.pem}, rotated keys kept until their tokens expire), its issuer URL
 * ({@code <issuer base><cluster prefix>}), TokenRequest issuance and bearer-token verification.
 */
public final class ServiceAccountIssuers implements TokenAuthenticator {
  private final Path pkiDir;
  private final java.util.function.Supplier<String> issuerBase;
  private final ObjectStorage storage;
  private final Clusters clusters;
  private final Clock clock;
  private final Map<String, Issuer> issuers = new ConcurrentHashMap<>();

  /** One cluster's keys, issuer and verifier. */
  public record Issuer(String issuerUrl, ServiceAccountKeys keys, BoundTokenIssuer tokens,
      ServiceAccountTokenAuthenticator verifier) {}

  /** @param issuerBase the issuer URL of the default cluster (known once the listener is bound) */
  public ServiceAccountIssuers(Path pkiDir, java.util.function.Supplier<String> issuerBase, ObjectStorage storage,
      Clusters clusters, Clock clock) {
    this.pkiDir = pkiDir;
    this.issuerBase = issuerBase;
    this.storage = storage;
    this.clusters = clusters;
    this.clock = clock;
  }

  /** The key file of a cluster ("" is the default cluster). */
  public static Path keyFile(Path pkiDir, String cluster) {
    return pkiDir.resolve("service-account-" + (cluster.isEmpty() ? "default" : cluster) + ".pem");
  }

  public Issuer issuer(LogicalCluster cluster) {
    return issuers.computeIfAbsent(cluster.name(), name -> create(cluster));
  }

  private Issuer create(LogicalCluster cluster) {
    try {
      Path file = keyFile(pkiDir, cluster.name());
      ServiceAccountKeys keys;
      if (Files.exists(file)) {
        keys = ServiceAccountKeys.fromPem(Files.readAllBytes(file), clock);
      } else {
        keys = ServiceAccountKeys.generate(clock);
        dev.gatehouse.kube.pki.ServerPki.writePrivate(file, new String(keys.toPem(), java.nio.charset.StandardCharsets.UTF_8));
      }
      String issuerUrl = issuerBase.get() + cluster.urlPrefix();
      BoundTokenIssuer tokens = new BoundTokenIssuer(keys, issuerUrl, List.of(issuerUrl), clock);
      ServiceAccountTokenAuthenticator verifier = ServiceAccountTokenAuthenticator
          .builder(keys, new StoredBoundObjects(storage, cluster), clock)
          .issuers(List.of(issuerUrl)).apiAudiences(List.of(issuerUrl)).legacyTokens(true)
          .cache(new VerifiedTokenCache(100_000, clock)).build();
      return new Issuer(issuerUrl, keys, tokens, verifier);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
