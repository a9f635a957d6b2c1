package dev.gatehouse.iam.policy;

/** Where a policy came from, as SimulatePolicy's {@code SourcePolicyType} names it. */
public enum SourceType {
  USER("user"),
  GROUP("group"),
  ROLE("role"),
  AWS_MANAGED("aws-managed"),
  USER_MANAGED("user-managed"),
  RESOURCE("resource"),
  NONE("none");

  private final String wireName;

  SourceType(String wireName) {
    this.wireName = wireName;
  }

  /** user | group | role | aws-managed | user-managed | resource | none */
  public String wireName() {
    return wireName;
  }
}
