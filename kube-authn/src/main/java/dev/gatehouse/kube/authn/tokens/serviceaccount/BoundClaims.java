package dev.gatehouse.kube.authn.tokens.serviceaccount;

/**
 * The {@code kubernetes.io} claim of a bound token. Absent references are null; absent strings are empty.
 */
record BoundClaims(String namespace, Ref serviceAccount, Ref pod, Ref secret, Ref node, Long warnAfter)
        implements PrivateClaims {

    /** Upstream's {@code ref{name, uid}}. */
    record Ref(String name, String uid) {
        static final Ref EMPTY = new Ref("", "");
    }
}
