package dev.gatehouse.iam.policy;

public enum Decision {
  ALLOWED("allowed"),
  EXPLICIT_DENY("explicitDeny"),
  IMPLICIT_DENY("implicitDeny");

  private final String wireName;

  Decision(String wireName) {
    this.wireName = wireName;
  }

  /** SimulatePolicy's {@code EvalDecision}: allowed | explicitDeny | implicitDeny. */
  public String wireName() {
    return wireName;
  }
}
