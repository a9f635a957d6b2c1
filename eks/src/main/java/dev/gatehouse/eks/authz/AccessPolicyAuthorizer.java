package dev.gatehouse.eks.authz;

import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.AssociatedAccessPolicy;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.eks.EksTokenAuthenticator;
import dev.gatehouse.eks.mapping.EksDirectory;
import dev.gatehouse.eks.mapping.PrincipalArns;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Authorizer;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.meta.validation.GoFormat;
import dev.gatehouse.kube.rbac.Attributes;
import dev.gatehouse.kube.request.RequestInfo;
import java.util.List;
import java.util.Optional;

/**
 * EKS access policies as one authorizer of the chain (after RBAC; it only ever allows). A user whose extra
 * carries the principal ID (and canonical ARN) of an access entry of the request's cluster — an EKS cluster in
 * API or API_AND_CONFIG_MAP mode — is allowed what the entry's associated policies grant within their scope:
 * a cluster-scoped association covers everything; a namespace-scoped one covers resource requests in the listed
 * namespaces ({@code dev-*} is a prefix), never cluster-scoped resources, all-namespace lists or
 * non-resource URLs. Everything else gets NO_OPINION.
 *
 * <p>The allow reason is the one EKS writes into audit logs, which presents each association as a binding
 * named {@code <principal ARN>+<policy ARN>} to the principal ID: {@code EKS Access Policy: allowed by
 * ClusterRoleBinding "…+arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" of ClusterRole
 * "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" to User "AROA…"} (observed in an EKS
 * audit event). The namespace-scoped form follows RBAC's {@code RoleBinding "name/namespace"} (not observed).
 *
 * <p>Cost: a map lookup for users without the extra; otherwise the cluster record and a scan of its (few) access
 * entries in the AWS state's memory.
 */
public final class AccessPolicyAuthorizer implements Authorizer {
  private static final Decision NO_OPINION = Decision.noOpinion("");
  private static final String CLUSTER_SCOPE = "cluster";
  private static final String NAMESPACE_SCOPE = "namespace";

  private final EksDirectory eks;
  private final AccessPolicies policies;

  public AccessPolicyAuthorizer(EksDirectory eks, AccessPolicies policies) {
    this.eks = eks;
    this.policies = policies;
  }

  @Override
  public Decision authorize(UserInfo user, RequestInfo request) {
    String principalId = firstExtra(user, EksTokenAuthenticator.EXTRA_AUTHENTICATOR_PRINCIPAL_ID);
    if (principalId == null) {
      principalId = firstExtra(user, EksTokenAuthenticator.EXTRA_PRINCIPAL_ID);
      if (principalId == null) {
        return NO_OPINION;
      }
    }
    Optional<EksCluster> cluster = eks.cluster(request.cluster());
    if (cluster.isEmpty() || !cluster.get().accessEntriesEnabled()) {
      return NO_OPINION;
    }
    String canonicalArn = firstExtra(user, EksTokenAuthenticator.EXTRA_CANONICAL_ARN);
    for (AccessEntry entry : eks.accessEntries(request.cluster())) {
      if (principalId.equals(entry.principalId()) && sameArn(entry, canonicalArn)) {
        return decide(entry, principalId, user, request);
      }
    }
    return NO_OPINION;
  }

  private Decision decide(AccessEntry entry, String principalId, UserInfo user, RequestInfo request) {
    Attributes attributes = null;
    for (AssociatedAccessPolicy association : entry.accessPolicies()) {
      if (!inScope(association, request)) {
        continue;
      }
      AccessPolicy policy = policies.lookup(association.policyArn());
      if (policy == null) {
        continue; // a policy this catalogue does not know grants nothing here
      }
      if (attributes == null) {
        attributes = attributes(user, request);
      }
      if (policy.allows(attributes)) {
        return Decision.allow(reason(entry, association, principalId, request));
      }
    }
    return NO_OPINION;
  }

  /** Without the canonical ARN in extra the principal ID alone decides, as EKS keys on it. */
  private static boolean sameArn(AccessEntry entry, String canonicalArn) {
    return canonicalArn == null || PrincipalArns.stripPath(entry.principalArn()).equalsIgnoreCase(canonicalArn);
  }

  static boolean inScope(AssociatedAccessPolicy association, RequestInfo request) {
    String scope = association.scopeType();
    if (CLUSTER_SCOPE.equalsIgnoreCase(scope)) {
      return true;
    }
    if (!NAMESPACE_SCOPE.equalsIgnoreCase(scope) || !request.resourceRequest() || request.namespace().isEmpty()) {
      return false;
    }
    return namespaceMatches(association.namespaces(), request.namespace());
  }

  static boolean namespaceMatches(List<String> patterns, String namespace) {
    for (int i = 0, n = patterns.size(); i < n; i++) {
      String p = patterns.get(i);
      if (p.endsWith("*") ? namespace.startsWith(p.substring(0, p.length() - 1)) : p.equals(namespace)) {
        return true;
      }
    }
    return false;
  }

  private static String reason(AccessEntry entry, AssociatedAccessPolicy association, String principalId,
      RequestInfo request) {
    String binding = entry.principalArn() + "+" + association.policyArn();
    String what = CLUSTER_SCOPE.equalsIgnoreCase(association.scopeType())
        ? "ClusterRoleBinding " + GoFormat.quote(binding)
        : "RoleBinding " + GoFormat.quote(binding + "/" + request.namespace());
    return "EKS Access Policy: allowed by " + what + " of ClusterRole " + GoFormat.quote(association.policyArn())
        + " to User " + GoFormat.quote(principalId);
  }

  private static Attributes attributes(UserInfo user, RequestInfo request) {
    if (!request.resourceRequest()) {
      return Attributes.nonResource(user.name(), user.groups(), request.verb(), request.path());
    }
    return Attributes.resource(user.name(), user.groups(), request.verb(), request.apiGroup(), request.resource(),
        request.subresource(), request.namespace(), request.name());
  }

  private static String firstExtra(UserInfo user, String key) {
    List<String> values = user.extra() == null ? null : user.extra().get(key);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }
}
