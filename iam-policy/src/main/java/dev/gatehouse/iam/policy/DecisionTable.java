package dev.gatehouse.iam.policy;

/**
 * Combines what the policy scans found into AWS's decision, as one ordered table (the deny/allow flow of the IAM
 * evaluation-logic documentation). Each rule is one line; the first that fires decides.
 *
 * <pre>
 *  #  facts                                                             outcome
 *  1  an explicit Deny applied anywhere                                 EXPLICIT_* (first policy type that denied)
 *  2  caller without identity policies (service, web identity, anon)    resource/trust Allow ? ALLOWED : NO_RESOURCE_ALLOW
 *  3  trust policy, no Allow names the caller                           NO_RESOURCE_ALLOW
 *  4  resource/trust policy, same account, names the caller itself      ALLOWED (identity, boundary, session not needed)
 *  5  identity policies needed and none allows (root: always allowed)   NO_IDENTITY_ALLOW
 *       needed unless: same account and the resource/trust Allow named the session's role
 *  6  cross-account and the resource/trust policy does not allow        NO_RESOURCE_ALLOW
 *  7  a permissions boundary exists and does not allow                  NO_BOUNDARY_ALLOW
 *  8  session policies exist (or a federated-user session), none allows  NO_SESSION_ALLOW
 *  9  otherwise                                                         ALLOWED
 * </pre>
 *
 * A GetFederationToken session (FEDERATED_USER) without session policies has no permissions from identity
 * policies at all (AWS: only resource policies naming the federated user grant it anything), hence rule 8 applies to
 * it even with no session policy. A trust flag without a trust policy counts as a trust policy that allows nothing.
 *
 * <p>Same account means the caller's account equals the resource's (a missing resource account is the caller's own).
 * An Allow that names the account ({@code "123456789012"}, {@code :root}) grants nothing by itself in the same
 * account: it defers to the identity policies (rule 5), which is the rule for trust policies too.
 */
final class DecisionTable {
  private DecisionTable() {}

  static DenyCause decide(EvaluationState s) {
    EvaluationRequest r = s.request;
    RequestPrincipal caller = r.principal();
    boolean hasResourcePolicy = r.resourcePolicy().isPresent();
    boolean sameAccount = r.resourceAccount() == null || r.resourceAccount().equals(caller.account());
    PrincipalMatch resource = s.resourceAllows;

    if (s.firstExplicitDeny != DenyCause.NONE) {
      return s.firstExplicitDeny;                                                              // 1
    }
    if (!caller.type().hasIdentityPolicies()) {
      return resource != PrincipalMatch.NONE ? DenyCause.NONE : DenyCause.NO_RESOURCE_ALLOW;  // 2
    }
    if (r.resourcePolicyIsTrust() && resource == PrincipalMatch.NONE) {
      return DenyCause.NO_RESOURCE_ALLOW;                                                      // 3
    }
    if (hasResourcePolicy && sameAccount && resource == PrincipalMatch.DIRECT) {
      return DenyCause.NONE;                                                                   // 4
    }
    boolean identityNeeded = !(hasResourcePolicy && sameAccount && resource == PrincipalMatch.ROLE);
    boolean identityAllows = s.identityAllows || caller.type() == PrincipalType.ROOT;
    if (identityNeeded && !identityAllows) {
      return DenyCause.NO_IDENTITY_ALLOW;                                                      // 5
    }
    if (!sameAccount && resource == PrincipalMatch.NONE) {
      return DenyCause.NO_RESOURCE_ALLOW;                                                      // 6
    }
    if (r.permissionsBoundary().isPresent() && !s.boundaryAllows) {
      return DenyCause.NO_BOUNDARY_ALLOW;                                                      // 7
    }
    boolean sessionLimited = !r.sessionPolicies().isEmpty() || caller.type() == PrincipalType.FEDERATED_USER;
    if (sessionLimited && !s.sessionAllows) {
      return DenyCause.NO_SESSION_ALLOW;                                                       // 8
    }
    return DenyCause.NONE;                                                                     // 9
  }
}
