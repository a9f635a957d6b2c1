package dev.gatehouse.eks.mapping;

import java.util.List;

/** Who an AWS identity is in one cluster, or why it is nobody there. */
public sealed interface MappingResult {
  /**
   * @param groups as the mapping gives them (the authenticator chain adds {@code system:authenticated})
   * @param source what mapped it, for logs: {@code access entry arn:…}, {@code aws-auth mapRoles rolearn …}, …
   */
  record Mapped(String username, List<String> groups, String source) implements MappingResult {
    public Mapped {
      groups = List.copyOf(groups);
    }
  }

  /** @param reason names the ARN, the cluster and every place that was looked at */
  record Unmapped(String reason) implements MappingResult {}
}
