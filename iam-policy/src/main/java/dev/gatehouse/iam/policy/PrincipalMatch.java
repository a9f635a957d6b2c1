package dev.gatehouse.iam.policy;

/** How a statement's Principal named the caller; ordered from weakest to strongest. */
enum PrincipalMatch {
  NONE,
  /** Through the account ("123456789012" or the root ARN): the caller's identity policies must also allow. */
  ACCOUNT,
  /** Through the role ARN, for a session of that role: boundary and session policies still limit the grant. */
  ROLE,
  /** The caller itself (user, session, federated user, provider, service) or "*". */
  DIRECT
}
