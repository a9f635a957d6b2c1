package dev.gatehouse.aws.eks;

import dev.gatehouse.aws.eks.api.EksOperationSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The EKS operations Gatehouse serves: clusters, their authentication-mode updates, access entries and access
 * policies. Every other operation of the EKS model is answered as an unknown operation by the pipeline.
 */
public final class EksOperations {
  private EksOperations() {}

  public static List<EksOperationSpec> specs(EksServices eks) {
    List<EksOperationSpec> specs = new ArrayList<>();
    specs.addAll(new ClusterOperations(eks).specs());
    specs.addAll(new UpdateOperations(eks).specs());
    specs.addAll(new AccessEntryOperations(eks).specs());
    specs.addAll(new AccessPolicyOperations(eks).specs());
    return specs;
  }
}
