package dev.gatehouse.eks.host;

import dev.gatehouse.aws.eks.ClusterHost;
import dev.gatehouse.kube.cluster.Clusters;
import dev.gatehouse.kube.cluster.LogicalCluster;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * EKS clusters as Gatehouse logical clusters: creating one serves {@code /clusters/<name>} on the Kubernetes
 * listener, with the Gatehouse CA as its certificate authority and its own service-account issuer (the OIDC
 * issuer IRSA trusts).
 */
public final class LogicalClusterHost implements ClusterHost {
  private final Clusters clusters;
  private final String kubernetesUrl;
  private final String caData;
  private final String issuerBase;

  /**
   * @param kubernetesUrl the Kubernetes listener, e.g. {@code https://127.0.0.1:6443}
   * @param caPem the CA certificate clients verify the listener with
   * @param issuerBase the default cluster's service-account issuer; a cluster's is this plus its URL prefix
   */
  public LogicalClusterHost(Clusters clusters, String kubernetesUrl, String caPem, String issuerBase) {
    this.clusters = clusters;
    this.kubernetesUrl = kubernetesUrl;
    this.caData = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8));
    this.issuerBase = issuerBase;
  }

  @Override
  public Provisioned provision(String name) {
    LogicalCluster cluster = clusters.create(name);
    return new Provisioned(kubernetesUrl + cluster.urlPrefix(), caData, issuerBase + cluster.urlPrefix());
  }

  @Override
  public void release(String name) {
    clusters.delete(name);
  }
}
