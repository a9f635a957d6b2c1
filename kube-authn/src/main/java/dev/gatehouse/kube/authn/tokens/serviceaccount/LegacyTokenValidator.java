package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream's {@code legacyValidator.Validate} with lookup on ({@code pkg/serviceaccount/legacy.go}): the claims must
 * be present and agree with {@code sub}; the Secret must exist, not be deleting, hold exactly this token (compared in
 * constant time) and not be marked invalid; the service account must exist with the claimed UID. Legacy tokens have
 * no time claims to check.
 */
final class LegacyTokenValidator {
    static final String INVALID_SINCE_LABEL = "kubernetes.io/legacy-token-invalid-since";
    private static final String INVALIDATED = "Token has been invalidated";

    private LegacyTokenValidator() {
    }

    static Validation validate(String token, Claims claims, LegacyClaims legacy, BoundObjects objects) {
        String missing = missingClaim(claims, legacy);
        if (missing != null) {
            return new Validation.Invalid(missing);
        }
        String namespace = legacy.namespace();
        String accountName = legacy.serviceAccountName();
        boolean subjectMatches = ServiceAccountUsernames.split(claims.subject())
                .filter(n -> n.namespace().equals(namespace) && n.name().equals(accountName))
                .isPresent();
        if (!subjectMatches) {
            return new Validation.Invalid("sub claim is invalid");
        }

        Optional<BoundObjects.TokenSecret> secret = objects.tokenSecret(namespace, legacy.secretName());
        if (secret.isEmpty() || secret.get().deletionTimestamp() != null) {
            return new Validation.Invalid(INVALIDATED);
        }
        if (!MessageDigest.isEqual(secret.get().token(), token.getBytes(StandardCharsets.UTF_8))) {
            return new Validation.Invalid("Token does not match server's copy");
        }
        Optional<BoundObjects.LiveObject> account = objects.serviceAccount(namespace, accountName);
        if (account.isEmpty()) {
            return new Validation.Invalid("serviceaccounts " + GoText.quote(accountName) + " not found");
        }
        if (account.get().deletionTimestamp() != null) {
            return new Validation.Invalid("ServiceAccount " + namespace + "/" + accountName + " has been deleted");
        }
        if (!account.get().uid().equals(legacy.serviceAccountUid())) {
            return new Validation.Invalid("ServiceAccount UID (" + account.get().uid() + ") does not match claim ("
                    + legacy.serviceAccountUid() + ")");
        }
        String invalidSince = secret.get().invalidSince();
        if (invalidSince != null && !invalidSince.isEmpty()) {
            return new Validation.Invalid("the token in secret " + namespace + "/" + legacy.secretName()
                    + " for service account " + namespace + "/" + accountName + " has been marked invalid. Use tokens"
                    + " from the TokenRequest API or manually created secret-based tokens, or remove the '"
                    + INVALID_SINCE_LABEL + "' label from the secret to temporarily allow use of this token");
        }
        ServiceAccountInfo info = new ServiceAccountInfo(namespace, accountName, legacy.serviceAccountUid(), "", "", "",
                "", "");
        return new Validation.Valid(info, Map.of());
    }

    private static String missingClaim(Claims claims, LegacyClaims legacy) {
        if (claims.subject().isEmpty()) {
            return "sub claim is missing";
        }
        if (legacy.namespace().isEmpty()) {
            return "namespace claim is missing";
        }
        if (legacy.secretName().isEmpty()) {
            return "secretName claim is missing";
        }
        if (legacy.serviceAccountName().isEmpty()) {
            return "serviceAccountName claim is missing";
        }
        if (legacy.serviceAccountUid().isEmpty()) {
            return "serviceAccountUID claim is missing";
        }
        return null;
    }
}
