package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Issues TokenRequest tokens as kube-apiserver 1.32 does ({@code pkg/registry/core/serviceaccount/storage/token.go}
 * and {@code pkg/serviceaccount/claims.go}):
 * <ol>
 *   <li>audiences default to the API audiences, the expiry to 3600 s;</li>
 *   <li>the expiry must be at least 600 s and at most 2^32 s (422);</li>
 *   <li>the bound object must be a core Pod, Secret or Node (400), a pod must run as this service account (400), and
 *       a UID named in the reference must match (409);</li>
 *   <li>an expiry above {@code maxExpirationSeconds} is shortened with a warning;</li>
 *   <li>a pod-bound request for exactly 3607 s whose audiences are all API audiences gets a one-year token with
 *       {@code warnafter} at 3607 s: kubelet's safe-rollout of bound tokens;</li>
 *   <li>claims: {@code aud, exp, iat, iss, jti, kubernetes.io{namespace, node, pod|secret, serviceaccount, warnafter},
 *       nbf, sub}, written as sorted JSON and signed RS256 with the current key.</li>
 * </ol>
 * Thread-safe.
 */
public final class BoundTokenIssuer {
    public static final long DEFAULT_EXPIRATION_SECONDS = 3600;
    public static final long MIN_EXPIRATION_SECONDS = 600;
    public static final long MAX_EXPIRATION_SECONDS = 1L << 32;
    /** The expiry kubelet requests for projected tokens, which triggers the warn-only extension. */
    public static final long WARN_ONLY_EXPIRATION_SECONDS = 60 * 60 + 7;
    /** How long such tokens actually live: one year. */
    public static final long EXTENDED_EXPIRATION_SECONDS = 24L * 365 * 60 * 60;

    /**
     * Server options.
     *
     * @param maxExpirationSeconds {@code --service-account-max-token-expiration} in seconds; 0 for none
     * @param extendExpiration     {@code --service-account-extend-token-expiration} (upstream default true)
     * @param jtiSource            the token ID generator; random UUIDs unless a test pins it
     */
    public record Options(long maxExpirationSeconds, boolean extendExpiration, Supplier<String> jtiSource) {
        public static final Options DEFAULT = new Options(0, true, () -> UUID.randomUUID().toString());

        public Options {
            if (maxExpirationSeconds < 0) {
                throw new IllegalArgumentException("maxExpirationSeconds must not be negative");
            }
            Objects.requireNonNull(jtiSource, "jtiSource");
        }

        public Options withMaxExpirationSeconds(long seconds) {
            return new Options(seconds, extendExpiration, jtiSource);
        }

        public Options withExtendExpiration(boolean extend) {
            return new Options(maxExpirationSeconds, extend, jtiSource);
        }

        public Options withJtiSource(Supplier<String> source) {
            return new Options(maxExpirationSeconds, extendExpiration, source);
        }
    }

    private final ServiceAccountKeys keys;
    private final String issuer;
    private final List<String> apiAudiences;
    private final Clock clock;
    private final Options options;

    /**
     * @param issuer       the first {@code --service-account-issuer}: the {@code iss} of every token
     * @param apiAudiences {@code --api-audiences}; empty means {@code [issuer]}
     */
    public BoundTokenIssuer(ServiceAccountKeys keys, String issuer, List<String> apiAudiences, Clock clock, Options options) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.apiAudiences = apiAudiences == null || apiAudiences.isEmpty() ? List.of(issuer) : List.copyOf(apiAudiences);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
    }

    public BoundTokenIssuer(ServiceAccountKeys keys, String issuer, List<String> apiAudiences, Clock clock) {
        this(keys, issuer, apiAudiences, clock, Options.DEFAULT);
    }

    public String issuer() {
        return issuer;
    }

    public List<String> apiAudiences() {
        return apiAudiences;
    }

    /**
     * How long a retired signing key must keep verifying: the longest lifetime this issuer can grant plus the
     * one-minute validation leeway. Pass it to {@link ServiceAccountKeys#rotate(Duration)}.
     */
    public Duration keyRetentionAfterRotation() {
        long max = options.maxExpirationSeconds();
        long longest;
        if (max == 0) {
            longest = Math.max(MAX_EXPIRATION_SECONDS, options.extendExpiration() ? EXTENDED_EXPIRATION_SECONDS : 0);
        } else if (options.extendExpiration() && max >= WARN_ONLY_EXPIRATION_SECONDS) {
            longest = Math.max(max, EXTENDED_EXPIRATION_SECONDS);
        } else {
            longest = max;
        }
        return Duration.ofSeconds(longest).plus(ServiceAccountTokenAuthenticator.LEEWAY);
    }

    /** Upstream's static validation of {@code spec.expirationSeconds}; empty when valid. */
    public static List<TokenRequestOutcome.FieldViolation> validateExpiration(long expirationSeconds) {
        List<TokenRequestOutcome.FieldViolation> violations = new ArrayList<>();
        if (expirationSeconds < MIN_EXPIRATION_SECONDS) {
            violations.add(new TokenRequestOutcome.FieldViolation("spec.expirationSeconds", expirationSeconds,
                    "may not specify a duration less than 10 minutes"));
        }
        if (expirationSeconds > MAX_EXPIRATION_SECONDS) {
            violations.add(new TokenRequestOutcome.FieldViolation("spec.expirationSeconds", expirationSeconds,
                    "may not specify a duration larger than 2^32 seconds"));
        }
        return violations;
    }

    public TokenRequestOutcome issue(TokenRequest request) {
        List<String> audiences = request.audiences().isEmpty() ? apiAudiences : request.audiences();
        long requested = request.expirationSeconds() == null ? DEFAULT_EXPIRATION_SECONDS : request.expirationSeconds();
        long nowSeconds = clock.instant().getEpochSecond();

        List<TokenRequestOutcome.FieldViolation> violations = validateExpiration(requested);
        if (!violations.isEmpty()) {
            return new TokenRequestOutcome.Invalid(violations);
        }
        TokenRequestOutcome bindingError = checkBinding(request);
        if (bindingError != null) {
            return bindingError;
        }

        List<String> warnings = new ArrayList<>();
        long granted = requested;
        if (options.maxExpirationSeconds() > 0 && granted > options.maxExpirationSeconds()) {
            warnings.add("requested expiration of " + granted + " seconds shortened to "
                    + options.maxExpirationSeconds() + " seconds");
            granted = options.maxExpirationSeconds();
        }
        long lifetime = granted;
        long warnAfter = 0;
        if (options.extendExpiration() && request.boundObject() instanceof BoundObject.Pod
                && granted == WARN_ONLY_EXPIRATION_SECONDS && new HashSet<>(apiAudiences).containsAll(audiences)) {
            warnAfter = granted;
            lifetime = EXTENDED_EXPIRATION_SECONDS;
        }

        String jti = options.jtiSource().get();
        Map<String, Object> claims = claims(request, audiences, nowSeconds, lifetime, warnAfter, jti);
        String token = keys.signingKey().signCompact(GoJson.write(claims).getBytes(StandardCharsets.UTF_8));
        return new TokenRequestOutcome.Issued(token, Instant.ofEpochSecond(nowSeconds + granted), jti, warnings,
                Map.of("authentication.kubernetes.io/issued-credential-id", "JTI=" + jti));
    }

    /**
     * The REST checks on the bound object, in upstream's order: the reference must name a core Pod, Secret or Node;
     * a pod must run as the requesting service account; a UID in the reference must be the stored object's. Null when
     * the binding is fine.
     */
    private static TokenRequestOutcome checkBinding(TokenRequest request) {
        BoundObjectReference ref = request.boundObjectRef();
        BoundObject object = request.boundObject();
        if (ref != null) {
            BoundObjectReference.Kind kind = ref.supportedKind().orElse(null);
            if (kind == null) {
                return new TokenRequestOutcome.BadRequest(ref.unsupportedKindMessage());
            }
            boolean matches = switch (kind) {
                case POD -> object instanceof BoundObject.Pod;
                case SECRET -> object instanceof BoundObject.Secret;
                case NODE -> object instanceof BoundObject.Node;
            };
            if (!matches) {
                throw new IllegalArgumentException("a " + kind.kind() + " reference needs the stored " + kind.kind());
            }
        }
        if (object instanceof BoundObject.Pod pod && !request.serviceAccountName().equals(pod.serviceAccountName())) {
            return new TokenRequestOutcome.BadRequest("cannot bind token for serviceaccount "
                    + GoText.quote(request.serviceAccountName()) + " to pod running with different serviceaccount name.");
        }
        if (ref != null && !ref.uid().isEmpty() && !ref.uid().equals(object.uid())) {
            String kind = ref.supportedKind().orElseThrow().kind();
            return new TokenRequestOutcome.Conflict(kind, ref.name(), "Operation cannot be fulfilled on " + kind + " "
                    + GoText.quote(ref.name()) + ": the UID in the bound object reference (" + ref.uid()
                    + ") does not match the UID in record. The object might have been deleted and then recreated");
        }
        return null;
    }

    private Map<String, Object> claims(TokenRequest request, List<String> audiences, long now, long lifetime,
                                       long warnAfter, String jti) {
        Map<String, Object> kubernetes = new LinkedHashMap<>();
        putIfNotEmpty(kubernetes, "namespace", request.namespace());
        kubernetes.put("serviceaccount", ref(request.serviceAccountName(), request.serviceAccountUid()));
        BoundObject object = request.boundObject();
        if (object instanceof BoundObject.Pod pod) {
            kubernetes.put("pod", ref(pod.name(), pod.uid()));
            if (pod.node() != null) {
                kubernetes.put("node", ref(pod.node().name(), pod.node().uid()));
            }
        } else if (object instanceof BoundObject.Secret secret) {
            kubernetes.put("secret", ref(secret.name(), secret.uid()));
        } else if (object instanceof BoundObject.Node node) {
            kubernetes.put("node", ref(node.name(), node.uid()));
        }
        if (warnAfter != 0) {
            kubernetes.put("warnafter", now + warnAfter);
        }

        Map<String, Object> claims = new LinkedHashMap<>();
        if (!audiences.isEmpty()) {
            claims.put("aud", audiences);
        }
        claims.put("exp", now + lifetime);
        claims.put("iat", now);
        claims.put("iss", issuer);
        putIfNotEmpty(claims, "jti", jti);
        claims.put("kubernetes.io", kubernetes);
        claims.put("nbf", now);
        claims.put("sub", ServiceAccountUsernames.username(request.namespace(), request.serviceAccountName()));
        return claims;
    }

    /** Upstream's {@code ref}, whose fields are both {@code omitempty}. */
    private static Map<String, Object> ref(String name, String uid) {
        Map<String, Object> ref = new LinkedHashMap<>();
        putIfNotEmpty(ref, "name", name);
        putIfNotEmpty(ref, "uid", uid);
        return ref;
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
