package dev.gatehouse.aws.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a temporary credential stands for. Sealed into the session token itself (see {@link SessionTokens}),
 * as AWS does, so any replica that holds the sealing key can verify it without a store read.
 *
 * @param kind ROLE (AssumeRole*, the caller acts as the role) or USER (GetSessionToken, acts as the user)
 * @param principalName role name or user name
 * @param principalId the role's AROA… or user's AIDA… id; a deleted and re-created entity has a new id and the
 *     session no longer resolves
 * @param chained issued by AssumeRole called with role-session credentials (limits duration to one hour)
 * @param sessionPolicy inline session policy (null: none)
 * @param sessionTags tags of the session (AssumeRole Tags and transitive tags of the caller's session)
 * @param federatedProvider the OIDC provider ARN for AssumeRoleWithWebIdentity sessions, else null
 */
public record SessionClaims(String accessKeyId, String account, Kind kind, String principalName, String principalId,
    String sessionName, Instant issued, Instant expires, boolean chained, boolean mfa, String sessionPolicy,
    List<String> policyArns, Map<String, String> sessionTags, List<String> transitiveTagKeys, String sourceIdentity,
    String federatedProvider) {
  public enum Kind { ROLE, USER }

  public SessionClaims {
    policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
    sessionTags = sessionTags == null ? Map.of() : Map.copyOf(sessionTags);
    transitiveTagKeys = transitiveTagKeys == null ? List.of() : List.copyOf(transitiveTagKeys);
  }

  public boolean hasSessionPolicies() {
    return sessionPolicy != null || !policyArns.isEmpty();
  }
}
