package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies service-account JWTs as kube-apiserver 1.32's bound and legacy service-account authenticators do
 * ({@code pkg/serviceaccount/jwt.go} {@code AuthenticateToken}), in this order:
 * <ol>
 *   <li>more than {@value #MAX_TOKEN_BYTES} bytes: rejected before any parsing;</li>
 *   <li>not a compact JWS with base64url JSON parts, or an unverified {@code iss} that is not ours: not applicable;</li>
 *   <li>no verification key with the token's {@code kid} (all keys when it names none): rejected;</li>
 *   <li>an algorithm other than RS256, or no key verifying the signature: rejected;</li>
 *   <li>claims of the wrong JSON type: rejected;</li>
 *   <li>audiences: a token without {@code aud} (legacy) counts as carrying the API audiences; the token's audiences
 *       must meet the requested ones (the API audiences unless a TokenReview names others);</li>
 *   <li>bound tokens: {@code nbf}, {@code exp}, {@code iat} with a one-minute leeway, then the service account and
 *       bound object must be alive with matching UIDs; legacy tokens ({@code iss: kubernetes/serviceaccount}): the
 *       Secret must still hold exactly this token and the service account must match.</li>
 * </ol>
 * With a {@link VerifiedTokenCache}, steps 2–5 are skipped for a token seen before (see the cache for what is still
 * checked). Rejection reasons are upstream's texts where it has them; they belong in the server log, never in the 401.
 * Thread-safe.
 */
public final class ServiceAccountTokenAuthenticator {
    /** Tokens longer than this are rejected unparsed. */
    public static final int MAX_TOKEN_BYTES = 16 * 1024;
    /** go-jose's {@code DefaultLeeway}, used for the time claims and for deletion timestamps. */
    public static final Duration LEEWAY = Duration.ofMinutes(1);

    private final ServiceAccountKeys keys;
    private final BoundObjects objects;
    private final Clock clock;
    private final Set<String> boundIssuers;
    private final boolean legacyTokens;
    private final List<String> apiAudiences;
    private final VerifiedTokenCache cache;

    private ServiceAccountTokenAuthenticator(Builder b) {
        this.keys = b.keys;
        this.objects = b.objects;
        this.clock = b.clock;
        this.boundIssuers = Set.copyOf(b.issuers);
        this.legacyTokens = b.legacyTokens;
        this.apiAudiences = b.apiAudiences != null ? List.copyOf(b.apiAudiences)
                : b.issuers.isEmpty() ? List.of() : List.of(b.issuers.get(0));
        this.cache = b.cache;
    }

    /** A builder; set at least the issuers (or only enable legacy tokens). */
    public static Builder builder(ServiceAccountKeys keys, BoundObjects objects, Clock clock) {
        return new Builder(keys, objects, clock);
    }

    /** Authenticates for the API audiences, as a normal API request does. */
    public ServiceAccountAuthResult authenticate(String token) {
        return authenticate(token, apiAudiences);
    }

    /**
     * Authenticates for the given audiences (TokenReview's {@code spec.audiences}); null or empty means the API
     * audiences.
     */
    public ServiceAccountAuthResult authenticate(String token, List<String> requestedAudiences) {
        if (token == null || token.isEmpty()) {
            return new ServiceAccountAuthResult.NotApplicable();
        }
        if (token.length() > MAX_TOKEN_BYTES
                || (token.length() > MAX_TOKEN_BYTES / 3 && token.getBytes(StandardCharsets.UTF_8).length > MAX_TOKEN_BYTES)) {
            return new ServiceAccountAuthResult.Rejected("token is longer than " + MAX_TOKEN_BYTES + " bytes");
        }
        TokenDigest digest = cache == null ? null : TokenDigest.of(token);
        VerifiedToken verified = cache == null ? null : cache.get(digest);
        if (verified != null && !(keys.verifies(verified.keyId()) && acceptsIssuer(verified.claims().issuer()))) {
            // Verified by a key this authenticator no longer (or never) trusts, or for another authenticator's
            // issuer when a cache is shared: judge the token afresh.
            verified = null;
        }
        boolean fresh = verified == null;
        if (fresh) {
            Verification verification = verify(token);
            if (verification instanceof Stop stop) {
                return stop.result();
            }
            verified = ((Verified) verification).token();
        }
        ServiceAccountAuthResult result = validate(token, verified, requestedAudiences);
        if (fresh && cache != null && result instanceof ServiceAccountAuthResult.Authenticated) {
            cache.put(digest, verified);
        }
        return result;
    }

    /** Steps 2–5 end either in a verified token or in the result authentication stops with. */
    private sealed interface Verification permits Verified, Stop {
    }

    private record Verified(VerifiedToken token) implements Verification {
    }

    private record Stop(ServiceAccountAuthResult result) implements Verification {
    }

    private static Stop reject(String reason) {
        return new Stop(new ServiceAccountAuthResult.Rejected(reason));
    }

    private Verification verify(String token) {
        CompactJws.Parsed parsed = CompactJws.parse(token, this::acceptsIssuer);
        if (!(parsed instanceof CompactJws.Jws jws)) {
            return new Stop(new ServiceAccountAuthResult.NotApplicable());
        }
        List<VerificationKey> candidates = keys.verificationKeys(jws.keyId());
        if (candidates.isEmpty()) {
            return reject("invalid signature, no keys found");
        }
        if (!"RS256".equals(jws.algorithm())) {
            return reject("invalid signature: unsupported signing algorithm " + GoText.quote(jws.algorithm()));
        }
        String keyId = CompactJws.verify(jws, candidates);
        if (keyId == null) {
            return reject(jws.hasCriticalHeaders()
                    ? "invalid signature: unsupported critical header parameters" : "invalid signature");
        }
        try {
            Claims claims = ClaimsDecoder.registered(jws.payload());
            PrivateClaims privateClaims = isLegacy(claims.issuer())
                    ? ClaimsDecoder.legacy(jws.payload()) : ClaimsDecoder.bound(jws.payload());
            return new Verified(new VerifiedToken(keyId, claims, privateClaims));
        } catch (ClaimsDecoder.InvalidClaimsException e) {
            return reject("invalid claims: " + e.getMessage());
        }
    }

    /** Steps 6–7, which also run on every cache hit. */
    private ServiceAccountAuthResult validate(String token, VerifiedToken verified, List<String> requestedAudiences) {
        Claims claims = verified.claims();
        if (!acceptsIssuer(claims.issuer())) {
            return new ServiceAccountAuthResult.Rejected("token issuer " + GoText.quote(claims.issuer()) + " is invalid");
        }
        Map<String, String> audit = new HashMap<>();
        List<String> tokenAudiences = claims.audiences();
        if (tokenAudiences.isEmpty()) {
            // Only API audiences are allowed for tokens without any.
            audit.put("authentication.k8s.io/legacy-token", claims.subject());
            tokenAudiences = apiAudiences;
        }
        List<String> requested = requestedAudiences == null || requestedAudiences.isEmpty() ? apiAudiences : requestedAudiences;
        List<String> audiences = intersect(tokenAudiences, requested);
        if (audiences.isEmpty() && !apiAudiences.isEmpty()) {
            return new ServiceAccountAuthResult.Rejected("token audiences " + GoText.quote(tokenAudiences)
                    + " is invalid for the target audiences " + GoText.quote(requested));
        }
        Instant now = clock.instant();
        Validation validation = verified.privateClaims() instanceof LegacyClaims legacy
                ? LegacyTokenValidator.validate(token, claims, legacy, objects)
                : BoundTokenValidator.validate(claims, (BoundClaims) verified.privateClaims(), now, objects);
        if (validation instanceof Validation.Invalid invalid) {
            return new ServiceAccountAuthResult.Rejected(invalid.reason());
        }
        Validation.Valid valid = (Validation.Valid) validation;
        audit.putAll(valid.auditAnnotations());
        return new ServiceAccountAuthResult.Authenticated(valid.info().toUser(), audiences, audit);
    }

    private boolean acceptsIssuer(String issuer) {
        return isLegacy(issuer) || boundIssuers.contains(issuer);
    }

    private boolean isLegacy(String issuer) {
        return legacyTokens && LegacyTokenIssuer.ISSUER.equals(issuer);
    }

    /** Upstream's {@code Audiences.Intersect}: the requested audiences the token has, in request order. */
    private static List<String> intersect(List<String> tokenAudiences, List<String> requested) {
        List<String> out = new ArrayList<>(1);
        for (String audience : requested) {
            if (tokenAudiences.contains(audience)) {
                out.add(audience);
            }
        }
        return out;
    }

    /** Configuration of a {@link ServiceAccountTokenAuthenticator}. */
    public static final class Builder {
        private final ServiceAccountKeys keys;
        private final BoundObjects objects;
        private final Clock clock;
        private List<String> issuers = List.of();
        private List<String> apiAudiences;
        private boolean legacyTokens = true;
        private VerifiedTokenCache cache;

        private Builder(ServiceAccountKeys keys, BoundObjects objects, Clock clock) {
            this.keys = Objects.requireNonNull(keys, "keys");
            this.objects = Objects.requireNonNull(objects, "objects");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** {@code --service-account-issuer}s: the first issues tokens, all are accepted. */
        public Builder issuers(List<String> issuers) {
            this.issuers = List.copyOf(issuers);
            return this;
        }

        /** {@code --api-audiences}; defaults to the first issuer. */
        public Builder apiAudiences(List<String> apiAudiences) {
            this.apiAudiences = List.copyOf(apiAudiences);
            return this;
        }

        /** Whether legacy Secret-based tokens ({@code iss: kubernetes/serviceaccount}) are accepted; default true. */
        public Builder legacyTokens(boolean accept) {
            this.legacyTokens = accept;
            return this;
        }

        /** A verified-token cache, or null (the default) for none. */
        public Builder cache(VerifiedTokenCache cache) {
            this.cache = cache;
            return this;
        }

        public ServiceAccountTokenAuthenticator build() {
            if (issuers.isEmpty() && !legacyTokens) {
                throw new IllegalStateException("an authenticator needs an issuer or legacy tokens");
            }
            return new ServiceAccountTokenAuthenticator(this);
        }
    }
}
