package dev.gatehouse.kube.authn.tokens.serviceaccount;

/**
 * A token whose signature has been checked: what the cache keeps, and all the authenticator needs afterwards.
 *
 * @param keyId         the key that verified the signature; a hit is used only while this key still verifies
 * @param claims        the registered claims
 * @param privateClaims the Kubernetes claims
 */
record VerifiedToken(String keyId, Claims claims, PrivateClaims privateClaims) {
}
