package dev.gatehouse.kube.serviceaccounts;

import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.server.ResponseSink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Service-account issuer discovery per logical cluster: {@code /.well-known/openid-configuration} and
 * {@code /openid/v1/jwks}, so relying parties (cloud IAM, Vault, Gatehouse's own IRSA) verify tokens offline.
 */
public final class IssuerDiscovery {
  public static final String CONFIGURATION = "/.well-known/openid-configuration";
  public static final String JWKS = "/openid/v1/jwks";
  private final ServiceAccountIssuers issuers;

  public IssuerDiscovery(ServiceAccountIssuers issuers) {
    this.issuers = issuers;
  }

  public void serve(String path, LogicalCluster cluster, ResponseSink sink) {
    ServiceAccountIssuers.Issuer issuer = issuers.issuer(cluster);
    String body = switch (path) {
      case CONFIGURATION -> issuer.keys().openIdConfiguration(issuer.issuerUrl(), issuer.issuerUrl() + JWKS);
      case JWKS -> issuer.keys().jwks();
      default -> throw Errors.pathNotFound();
    };
    String contentType = path.equals(JWKS) ? "application/jwk-set+json" : "application/json";
    sink.send(200, contentType, body.getBytes(StandardCharsets.UTF_8),
        Map.of("Cache-Control", List.of("public, max-age=3600")));
  }
}
