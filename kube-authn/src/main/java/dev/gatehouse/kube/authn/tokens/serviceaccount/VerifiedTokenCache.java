package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers tokens whose signature and claim types were verified, keyed by the SHA-256 of the token, so a repeat
 * caller skips base64, JSON parsing and the RSA operation. It is only an optimisation; what a hit still checks makes
 * a cached token exactly as valid as an uncached one:
 * <ul>
 *   <li>the verifying key must still be a verification key (rotated-out keys invalidate their tokens);</li>
 *   <li>issuer, audiences and {@code nbf}/{@code exp}/{@code iat} are re-judged against the clock, so a hit never
 *       outlives the token's {@code exp} (plus upstream's one-minute leeway, exactly as without the cache);</li>
 *   <li>the service account and bound object are looked up again through {@link BoundObjects}, so deletion or
 *       recreation revokes at once.</li>
 * </ul>
 * Only tokens that authenticated are stored, so the cache holds nothing an attacker could not already use. It is
 * bounded: expired entries go first, then arbitrary ones. Thread-safe; one cache may serve several authenticators.
 */
public final class VerifiedTokenCache {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<TokenDigest, VerifiedToken> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public VerifiedTokenCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VerifiedTokenCache(Clock clock) {
        this(DEFAULT_MAX_ENTRIES, clock);
    }

    VerifiedToken get(TokenDigest key) {
        VerifiedToken token = entries.get(key);
        if (token != null && pastExpiry(token, clock.instant())) {
            entries.remove(key, token);
            token = null;
        }
        (token == null ? misses : hits).increment();
        return token;
    }

    void put(TokenDigest key, VerifiedToken token) {
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            evict();
        }
        entries.put(key, token);
    }

    /** Entries now held. */
    public int size() {
        return entries.size();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public void clear() {
        entries.clear();
    }

    private void evict() {
        Instant now = clock.instant();
        entries.values().removeIf(token -> pastExpiry(token, now));
        int target = maxEntries - Math.max(1, maxEntries / 10);
        Iterator<Map.Entry<TokenDigest, VerifiedToken>> it = entries.entrySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** Past {@code exp} plus the leeway: no validation can accept it any more. Legacy tokens never get here. */
    private static boolean pastExpiry(VerifiedToken token, Instant now) {
        Long exp = token.claims().expiry();
        return exp != null && now.minus(ServiceAccountTokenAuthenticator.LEEWAY).isAfter(Instant.ofEpochSecond(exp));
    }
}
