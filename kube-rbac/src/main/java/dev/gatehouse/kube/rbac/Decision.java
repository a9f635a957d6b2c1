package dev.gatehouse.kube.rbac;

/**
 * An authorizer verdict and its reason. RBAC only ever allows or has no opinion; {@code DENY} exists so the
 * type can stand for any authorizer in a union.
 */
public record Decision(Kind kind, String reason) {
    public enum Kind { ALLOW, DENY, NO_OPINION }

    public static Decision allow(String reason) {
        return new Decision(Kind.ALLOW, reason);
    }

    public static Decision noOpinion(String reason) {
        return new Decision(Kind.NO_OPINION, reason);
    }

    public boolean allowed() {
        return kind == Kind.ALLOW;
    }
}
