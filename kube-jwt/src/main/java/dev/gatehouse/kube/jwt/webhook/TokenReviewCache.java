package dev.gatehouse.kube.jwt.webhook;

import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * kube-apiserver's token cache in front of the webhook: answers keyed by an HMAC of (audiences, token) under a
 * per-process random key, so tokens are never held in memory in the clear; bounded, least recently used first.
 */
final class TokenReviewCache {

    private record Entry(TokenAuthenticationResult result, Instant expires) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final byte[] hmacKey = new byte[32];
    private final Map<String, Entry> entries;

    TokenReviewCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        new SecureRandom().nextBytes(hmacKey);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > TokenReviewCache.this.maxEntries;
            }
        };
    }

    String key(String token, List<String> audiences) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            for (String audience : audiences) {
                mac.update(audience.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            mac.update((byte) 1);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    synchronized Optional<TokenAuthenticationResult> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.result());
    }

    /** Errors ({@link TokenAuthenticationResult.Rejected}) are not cached, as upstream's webhook cache does. */
    synchronized void put(String key, TokenAuthenticationResult result) {
        if (ttl.isZero() || ttl.isNegative() || result instanceof TokenAuthenticationResult.Rejected) {
            return;
        }
        entries.put(key, new Entry(result, clock.instant().plus(ttl)));
    }

    synchronized int size() {
        return entries.size();
    }
}
