package dev.gatehouse.kube.jwt.config;

import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimMappings;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimOrExpression;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimValidationRule;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Issuer;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Jwt;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.PrefixedClaimOrExpression;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * kube-apiserver's legacy {@code --oidc-*} flags and the JWT authenticator 1.32 builds from them
 * ({@code pkg/kubeapiserver/options/authentication.go}). This is where the username prefix defaults live: with no
 * {@code --oidc-username-prefix}, every claim but {@code email} is prefixed with {@code <issuer URL>#}; the prefix
 * {@code -} means none. (The AuthenticationConfiguration file has no defaults: prefixes are explicit there.)
 *
 * @param issuerUrl      {@code --oidc-issuer-url}
 * @param clientId       {@code --oidc-client-id}
 * @param caPem          contents of {@code --oidc-ca-file}, or empty
 * @param usernameClaim  {@code --oidc-username-claim} (default {@code sub})
 * @param usernamePrefix {@code --oidc-username-prefix}
 * @param groupsClaim    {@code --oidc-groups-claim}
 * @param groupsPrefix   {@code --oidc-groups-prefix}
 * @param signingAlgs    {@code --oidc-signing-algs} (default RS256); pass to
 *                       {@code JwtOptions.withSigningAlgorithms}
 * @param requiredClaims {@code --oidc-required-claim}
 */
public record LegacyOidcFlags(String issuerUrl, String clientId, String caPem, String usernameClaim,
                              String usernamePrefix, String groupsClaim, String groupsPrefix, Set<String> signingAlgs,
                              Map<String, String> requiredClaims) {

    public LegacyOidcFlags {
        signingAlgs = Set.copyOf(signingAlgs);
        requiredClaims = Map.copyOf(requiredClaims);
    }

    /** The flags with kube-apiserver's defaults for everything but the issuer and client ID. */
    public static LegacyOidcFlags of(String issuerUrl, String clientId) {
        return new LegacyOidcFlags(issuerUrl, clientId, "", "sub", "", "", "", Set.of("RS256"), Map.of());
    }

    /** The authenticator, or empty when the issuer URL or client ID is missing (OIDC is then off). */
    public Optional<Jwt> toJwt() {
        if (issuerUrl.isEmpty() || clientId.isEmpty()) {
            return Optional.empty();
        }
        String prefix = usernamePrefix;
        if (prefix.isEmpty() && !usernameClaim.equals("email")) {
            // Historical behaviour, kubernetes/kubernetes#31380: namespace non-email usernames by issuer.
            prefix = issuerUrl + "#";
        }
        if (prefix.equals("-")) {
            prefix = "";
        }
        PrefixedClaimOrExpression groups = groupsClaim.isEmpty() ? PrefixedClaimOrExpression.EMPTY
                : new PrefixedClaimOrExpression(groupsClaim, Optional.of(groupsPrefix), "");
        // Go iterates the flag's map in random order; sorting keeps the first reported failure stable.
        List<ClaimValidationRule> rules = new TreeMap<>(requiredClaims).entrySet().stream()
                .map(e -> new ClaimValidationRule(e.getKey(), e.getValue(), "", ""))
                .toList();
        return Optional.of(new Jwt(
                new Issuer(issuerUrl, "", caPem, List.of(clientId), ""),
                rules,
                new ClaimMappings(new PrefixedClaimOrExpression(usernameClaim, Optional.of(prefix), ""), groups,
                        ClaimOrExpression.EMPTY, List.of()),
                List.of()));
    }
}
