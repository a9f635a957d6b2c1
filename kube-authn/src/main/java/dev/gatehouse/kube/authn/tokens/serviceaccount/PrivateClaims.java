package dev.gatehouse.kube.authn.tokens.serviceaccount;

/** The Kubernetes-specific claims: bound (TokenRequest) or legacy (Secret-based). */
sealed interface PrivateClaims permits BoundClaims, LegacyClaims {
}
