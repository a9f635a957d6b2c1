package dev.gatehouse.aws.eks;

/**
 * Where EKS clusters become Kubernetes clusters: the Kubernetes side of Gatehouse implements this, so the AWS
 * side needs nothing of it but these three calls.
 */
public interface ClusterHost {
  /** What an EKS cluster record shows of its Kubernetes cluster. */
  record Provisioned(String endpoint, String certificateAuthorityData, String oidcIssuer) {}

  /** Creates (or adopts, when it already exists) the logical cluster {@code name}. */
  Provisioned provision(String name);

  /** Stops serving the logical cluster {@code name} and removes its objects. */
  void release(String name);
}
