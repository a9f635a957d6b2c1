package dev.gatehouse.eks.mapping;

import java.util.List;
import java.util.Locale;

/**
 * One {@code mapRoles} entry: exactly one of {@code roleArn} (non-empty) and {@code sso} (non-null).
 *
 * @param username a template ({@code {{SessionName}}} and friends), as written
 * @param userId upstream parses it but the ConfigMap mapper never uses it; kept so nothing is lost
 */
public record RoleMapping(String roleArn, SsoMatcher sso, String username, List<String> groups, String userId) {
  public RoleMapping {
    groups = List.copyOf(groups);
  }

  /** Upstream's {@code RoleMapping.Key()}: later entries with the same key replace earlier ones. */
  String key() {
    return sso == null ? roleArn.toLowerCase(Locale.ROOT) : sso.arnLike();
  }

  /** Upstream's {@code Matches}: ARNs compare case-insensitively, SSO matchers by ArnLike. */
  boolean matches(String lowerCanonicalArn) {
    return sso == null ? roleArn.equalsIgnoreCase(lowerCanonicalArn) : sso.matches(lowerCanonicalArn);
  }

  String describe() {
    return sso == null ? "mapRoles rolearn " + roleArn : "mapRoles sso " + sso.arnLike();
  }
}
