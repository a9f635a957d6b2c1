package dev.gatehouse.kube.authz;

/** An authorizer's verdict with the reason that explains it; NO_OPINION passes to the next authorizer. */
public record Decision(Kind kind, String reason) {
  public enum Kind { ALLOW, DENY, NO_OPINION }

  public static Decision allow(String reason) {
    return new Decision(Kind.ALLOW, reason);
  }

  public static Decision noOpinion(String reason) {
    return new Decision(Kind.NO_OPINION, reason);
  }
}
