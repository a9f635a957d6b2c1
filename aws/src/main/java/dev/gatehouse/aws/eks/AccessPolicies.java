package dev.gatehouse.aws.eks;

import java.util.List;

/**
 * The EKS access policies ListAccessPolicies returns, in its order (aws/aws-cli@1.45.11
 * {@code awscli/examples/eks/list-access-policies.rst}). Their RBAC rules live on the Kubernetes side.
 */
public final class AccessPolicies {
  public static final String ARN_PREFIX = "arn:aws:eks::aws:cluster-access-policy/";
  public static final String CLUSTER_ADMIN = ARN_PREFIX + "AmazonEKSClusterAdminPolicy";

  public static final List<String> NAMES = List.of(
      "AmazonEKSAdminPolicy", "AmazonEKSAdminViewPolicy", "AmazonEKSAutoNodePolicy",
      "AmazonEKSBlockStorageClusterPolicy", "AmazonEKSBlockStoragePolicy", "AmazonEKSClusterAdminPolicy",
      "AmazonEKSComputeClusterPolicy", "AmazonEKSComputePolicy", "AmazonEKSEditPolicy", "AmazonEKSHybridPolicy",
      "AmazonEKSLoadBalancingClusterPolicy", "AmazonEKSLoadBalancingPolicy", "AmazonEKSNetworkingClusterPolicy",
      "AmazonEKSNetworkingPolicy", "AmazonEKSViewPolicy", "AmazonEMRJobPolicy",
      "AmazonSagemakerHyperpodClusterPolicy", "AmazonSagemakerHyperpodControllerPolicy",
      "AmazonSagemakerHyperpodSystemNamespacePolicy");

  private AccessPolicies() {}

  public static String arn(String name) {
    return ARN_PREFIX + name;
  }

  public static boolean exists(String policyArn) {
    return policyArn.startsWith(ARN_PREFIX) && NAMES.contains(policyArn.substring(ARN_PREFIX.length()));
  }
}
