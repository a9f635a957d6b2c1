/**
 * Service-account tokens as kube-apiserver 1.32 issues and checks them ({@code k8s.io/kubernetes} v1.32.4
 * {@code pkg/serviceaccount}, {@code pkg/registry/core/serviceaccount/storage/token.go}).
 * <ul>
 *   <li>{@link dev.gatehouse.kube.authn.tokens.serviceaccount.ServiceAccountKeys}: RS256 signing keys, rotation,
 *       PEM persistence, the JWKS and OIDC discovery documents;</li>
 *   <li>{@link dev.gatehouse.kube.authn.tokens.serviceaccount.BoundTokenIssuer}: TokenRequest tokens;</li>
 *   <li>{@link dev.gatehouse.kube.authn.tokens.serviceaccount.LegacyTokenIssuer}: Secret-based tokens;</li>
 *   <li>{@link dev.gatehouse.kube.authn.tokens.serviceaccount.ServiceAccountTokenAuthenticator}: verification,
 *       with liveness answered by {@link dev.gatehouse.kube.authn.tokens.serviceaccount.BoundObjects} and an
 *       optional {@link dev.gatehouse.kube.authn.tokens.serviceaccount.VerifiedTokenCache}.</li>
 * </ul>
 */
package dev.gatehouse.kube.authn.tokens.serviceaccount;
