package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs the long-lived tokens that the tokens controller writes into {@code kubernetes.io/service-account-token}
 * Secrets ({@code pkg/serviceaccount/legacy.go} {@code LegacyClaims}). They carry no {@code exp}, {@code aud} or
 * {@code iat}: they are valid for as long as the Secret holds exactly this token and the service account exists, and
 * as long as the signing key is kept for verification.
 */
public final class LegacyTokenIssuer {
    /** The {@code iss} of every legacy token. */
    public static final String ISSUER = "kubernetes/serviceaccount";

    private final ServiceAccountKeys keys;

    public LegacyTokenIssuer(ServiceAccountKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The token for the Secret's {@code data.token}. */
    public String issue(String namespace, String serviceAccountName, String serviceAccountUid, String secretName) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put(LegacyClaims.NAMESPACE, namespace);
        claims.put(LegacyClaims.SECRET_NAME, secretName);
        claims.put(LegacyClaims.SERVICE_ACCOUNT_NAME, serviceAccountName);
        claims.put(LegacyClaims.SERVICE_ACCOUNT_UID, serviceAccountUid);
        claims.put("sub", ServiceAccountUsernames.username(namespace, serviceAccountName));
        return keys.signingKey().signCompact(GoJson.write(claims).getBytes(StandardCharsets.UTF_8));
    }
}
