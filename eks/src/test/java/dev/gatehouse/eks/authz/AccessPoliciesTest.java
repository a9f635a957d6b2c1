package dev.gatehouse.eks.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.kube.rbac.Covers;
import dev.gatehouse.kube.rbac.PolicyRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue as data: every policy ListAccessPolicies returns, and the inclusions the guide implies. */
class AccessPoliciesTest {
  private static final AccessPolicies POLICIES = AccessPolicies.load();

  @Test
  void holdsTheNineteenPoliciesEksLists() {
    assertThat(POLICIES.names()).containsExactly("AmazonEKSAdminPolicy", "AmazonEKSAdminViewPolicy",
        "AmazonEKSAutoNodePolicy", "AmazonEKSBlockStorageClusterPolicy", "AmazonEKSBlockStoragePolicy",
        "AmazonEKSClusterAdminPolicy", "AmazonEKSComputeClusterPolicy", "AmazonEKSComputePolicy",
        "AmazonEKSEditPolicy", "AmazonEKSHybridPolicy", "AmazonEKSLoadBalancingClusterPolicy",
        "AmazonEKSLoadBalancingPolicy", "AmazonEKSNetworkingClusterPolicy", "AmazonEKSNetworkingPolicy",
        "AmazonEKSViewPolicy", "AmazonEMRJobPolicy", "AmazonSagemakerHyperpodClusterPolicy",
        "AmazonSagemakerHyperpodControllerPolicy", "AmazonSagemakerHyperpodSystemNamespacePolicy");
  }

  /** The EKS API's catalogue (ListAccessPolicies, AssociateAccessPolicy) and this rule data name the same set. */
  @Test
  void rulesExistForExactlyThePoliciesTheEksApiOffers() {
    assertThat(POLICIES.names()).containsExactlyInAnyOrderElementsOf(dev.gatehouse.aws.eks.AccessPolicies.NAMES);
  }

  @Test
  void clusterAdminCoversAdminCoversEditCoversView() {
    assertThat(Covers.covers(rules("AmazonEKSClusterAdminPolicy"), rules("AmazonEKSAdminPolicy"))).isTrue();
    assertThat(Covers.covers(rules("AmazonEKSAdminPolicy"), rules("AmazonEKSEditPolicy"))).isTrue();
    assertThat(Covers.covers(rules("AmazonEKSEditPolicy"), rules("AmazonEKSViewPolicy"))).isTrue();
    assertThat(Covers.covers(rules("AmazonEKSAdminViewPolicy"), rules("AmazonEKSViewPolicy"))).isTrue();
  }

  @Test
  void admin_minus_edit_is_rbac_and_local_access_reviews() {
    assertThat(Covers.uncovered(rules("AmazonEKSEditPolicy"), rules("AmazonEKSAdminPolicy")))
        .allSatisfy(r -> assertThat(r.apiGroups()).containsAnyOf("rbac.authorization.k8s.io", "authorization.k8s.io"))
        .isNotEmpty();
    assertThat(Covers.covers(rules("AmazonEKSViewPolicy"), rules("AmazonEKSEditPolicy"))).isFalse();
    assertThat(Covers.covers(rules("AmazonEKSAdminViewPolicy"), rules("AmazonEKSEditPolicy"))).isFalse();
  }

  @Test
  void findsPoliciesByArnInAnyPartition() {
    assertThat(POLICIES.byArn("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy")).isPresent();
    assertThat(POLICIES.byArn("arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSViewPolicy")).isPresent();
    assertThat(POLICIES.byArn("arn:aws:iam::aws:policy/AmazonEKSViewPolicy")).isEmpty();
    assertThat(POLICIES.byName("AmazonEKSViewPolicy").orElseThrow().arn("aws"))
        .isEqualTo("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy");
  }

  private static List<PolicyRule> rules(String name) {
    return POLICIES.byName(name).orElseThrow().rules();
  }
}
