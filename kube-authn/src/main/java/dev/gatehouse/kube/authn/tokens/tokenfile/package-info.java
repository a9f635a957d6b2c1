/**
 * The static token file of kube-apiserver's {@code --token-auth-file} ({@code k8s.io/apiserver} v0.32.4
 * {@code pkg/authentication/token/tokenfile}): CSV records {@code token,user,uid[,"g1,g2"]} read with Go's
 * {@code encoding/csv} rules and upstream's error and warning texts, and a lookup whose comparison takes the same
 * time whatever prefix of a token is right.
 */
package dev.gatehouse.kube.authn.tokens.tokenfile;
