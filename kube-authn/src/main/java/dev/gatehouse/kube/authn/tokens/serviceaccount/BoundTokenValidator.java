package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream's bound-token {@code validator.Validate} ({@code pkg/serviceaccount/claims.go}): the time claims with the
 * one-minute leeway, then the service account and the bound object must still exist with the UIDs in the token.
 * Runs on every authentication, including cache hits, so a deletion revokes the token at once.
 */
final class BoundTokenValidator {
    private static final String INVALIDATED = "service account token has been invalidated";

    private BoundTokenValidator() {
    }

    static Validation validate(Claims claims, BoundClaims bound, Instant now, BoundObjects objects) {
        String timeError = checkTimes(claims, now);
        if (timeError != null) {
            return new Validation.Invalid(timeError);
        }
        // Objects deleted (awaiting finalizers) for more than the leeway count as gone.
        Instant deletedBefore = now.minus(ServiceAccountTokenAuthenticator.LEEWAY);
        String namespace = bound.namespace();
        BoundClaims.Ref sa = bound.serviceAccount();

        Optional<BoundObjects.LiveObject> account = objects.serviceAccount(namespace, sa.name());
        if (account.isEmpty()) {
            return new Validation.Invalid("serviceaccounts " + GoText.quote(sa.name()) + " not found");
        }
        if (!account.get().uid().equals(sa.uid())) {
            return new Validation.Invalid("service account UID (" + account.get().uid() + ") does not match claim (" + sa.uid() + ")");
        }
        if (deletedBefore(account.get(), deletedBefore)) {
            return new Validation.Invalid("service account " + namespace + "/" + sa.name() + " has been deleted");
        }

        if (bound.secret() != null) {
            String error = checkBoundObject(objects.secret(namespace, bound.secret().name()), bound.secret(), "secret",
                    "service account secret ref claim", deletedBefore);
            if (error != null) {
                return new Validation.Invalid(error);
            }
        }
        String podName = "";
        String podUid = "";
        if (bound.pod() != null) {
            String error = checkBoundObject(objects.pod(namespace, bound.pod().name()), bound.pod(), "pod",
                    "service account pod ref claim", deletedBefore);
            if (error != null) {
                return new Validation.Invalid(error);
            }
            podName = bound.pod().name();
            podUid = bound.pod().uid();
        }
        String nodeName = "";
        String nodeUid = "";
        if (bound.node() != null) {
            // A pod-bound token only records its pod's node; a node-bound token needs the node alive.
            if (bound.pod() == null) {
                String error = checkBoundObject(objects.node(bound.node().name()), bound.node(), "node",
                        "service account node ref claim", deletedBefore);
                if (error != null) {
                    return new Validation.Invalid(error);
                }
            }
            nodeName = bound.node().name();
            nodeUid = bound.node().uid();
        }

        Map<String, String> audit = Map.of();
        if (bound.warnAfter() != null && bound.warnAfter() != 0) {
            Instant warnAfter = Instant.ofEpochSecond(bound.warnAfter());
            if (now.isAfter(warnAfter)) {
                audit = Map.of("authentication.k8s.io/stale-token", "subject: " + claims.subject()
                        + ", seconds after warning threshold: " + (now.getEpochSecond() - bound.warnAfter()));
            }
        }
        String credentialId = claims.jti().isEmpty() ? "" : "JTI=" + claims.jti();
        return new Validation.Valid(new ServiceAccountInfo(namespace, sa.name(), sa.uid(), podName, podUid, nodeName,
                nodeUid, credentialId), audit);
    }

    /** go-jose's {@code ValidateWithLeeway} for nbf, exp and iat, in that order, with upstream's messages. */
    static String checkTimes(Claims claims, Instant now) {
        Instant early = now.plus(ServiceAccountTokenAuthenticator.LEEWAY);
        Instant late = now.minus(ServiceAccountTokenAuthenticator.LEEWAY);
        if (claims.notBefore() != null && early.isBefore(Instant.ofEpochSecond(claims.notBefore()))) {
            return "service account token is not valid yet";
        }
        if (claims.expiry() != null && late.isAfter(Instant.ofEpochSecond(claims.expiry()))) {
            return "service account token has expired";
        }
        if (claims.issuedAt() != null && early.isBefore(Instant.ofEpochSecond(claims.issuedAt()))) {
            return "service account token is issued in the future";
        }
        return null;
    }

    private static String checkBoundObject(Optional<BoundObjects.LiveObject> stored, BoundClaims.Ref claimed,
                                           String kind, String claimName, Instant deletedBefore) {
        if (stored.isEmpty()) {
            return INVALIDATED;
        }
        if (!claimed.uid().equals(stored.get().uid())) {
            return kind + " UID (" + stored.get().uid() + ") does not match " + claimName + " (" + claimed.uid() + ")";
        }
        if (deletedBefore(stored.get(), deletedBefore)) {
            return INVALIDATED;
        }
        return null;
    }

    private static boolean deletedBefore(BoundObjects.LiveObject object, Instant cutoff) {
        return object.deletionTimestamp() != null && object.deletionTimestamp().isBefore(cutoff);
    }
}
