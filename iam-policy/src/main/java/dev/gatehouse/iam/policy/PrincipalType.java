package dev.gatehouse.iam.policy;

/** The kind of caller, which decides which Principal forms can name it and whether it has identity policies. */
public enum PrincipalType {
  USER(true),
  ROLE_SESSION(true),
  ROOT(true),
  /** A GetFederationToken session: arn:aws:sts::A:federated-user/name. */
  FEDERATED_USER(true),
  /** A web-identity or SAML request, named by {"Federated": provider}. */
  FEDERATED(false),
  /** An AWS service, named by {"Service": "pods.eks.amazonaws.com"}. */
  SERVICE(false),
  ANONYMOUS(false);

  private final boolean hasIdentityPolicies;

  PrincipalType(boolean hasIdentityPolicies) {
    this.hasIdentityPolicies = hasIdentityPolicies;
  }

  /**
   * Whether the caller is an IAM principal of an account, evaluated against identity-based policies. The others are
   * authorized by the resource (trust) policy alone.
   */
  public boolean hasIdentityPolicies() {
    return hasIdentityPolicies;
  }
}
