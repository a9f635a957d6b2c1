package dev.gatehouse.eks.mapping;

import java.util.List;

/** What the aws-auth ConfigMap says, or why it cannot be read. */
public sealed interface ParseResult {
  /**
   * The data could be read. Entries aws-iam-authenticator would drop (no {@code rolearn}, a bad SSO account
   * ID, ...) are left out of {@code config} and reported in {@code warnings}, as upstream logs and skips them.
   */
  record Parsed(AwsAuthConfig config, List<ConfigIssue> warnings) implements ParseResult {
    public Parsed {
      warnings = List.copyOf(warnings);
    }
  }

  /** YAML that does not parse, or values of the wrong shape: the whole ConfigMap is rejected. */
  record Malformed(List<ConfigIssue> errors) implements ParseResult {
    public Malformed {
      errors = List.copyOf(errors);
    }
  }
}
