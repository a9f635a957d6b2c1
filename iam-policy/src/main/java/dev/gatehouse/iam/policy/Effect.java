package dev.gatehouse.iam.policy;

public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String wireName;

  Effect(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
