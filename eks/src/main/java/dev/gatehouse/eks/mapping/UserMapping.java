package dev.gatehouse.eks.mapping;

import java.util.List;

/** One {@code mapUsers} entry; {@code userArn} is non-empty. */
public record UserMapping(String userArn, String username, List<String> groups, String userId) {
  public UserMapping {
    groups = List.copyOf(groups);
  }

  /** Upstream keys users by the ARN exactly as written (roles are lower-cased, users are not). */
  String key() {
    return userArn;
  }

  boolean matches(String lowerCanonicalArn) {
    return userArn.equalsIgnoreCase(lowerCanonicalArn);
  }
}
