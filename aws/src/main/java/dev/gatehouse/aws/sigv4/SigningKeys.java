package dev.gatehouse.aws.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives the SigV4 signing key ({@code HMAC("AWS4"+secret, date) → region → service → "aws4_request"}) and
 * caches it per (secret, date, region, service): four HMACs saved on every request of a busy caller. The cache
 * is bounded by emptying it when full, which is cheap and rare (a key only changes daily per credential).
 */
final class SigningKeys {
  static final int MAX_ENTRIES = 4096;
  private static final ConcurrentHashMap<Key, byte[]> CACHE = new ConcurrentHashMap<>();

  private SigningKeys() {
  }

  static byte[] signingKey(String secretKey, CredentialScope scope) {
    Key key = new Key(secretKey, scope.date(), scope.region(), scope.service());
    byte[] cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] derived = derive(secretKey, scope.date(), scope.region(), scope.service());
    if (CACHE.size() >= MAX_ENTRIES) {
      CACHE.clear();
    }
    CACHE.put(key, derived);
    return derived;
  }

  static byte[] derive(String secretKey, String date, String region, String service) {
    byte[] k = Crypto.hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), utf8(date));
    k = Crypto.hmac(k, utf8(region));
    k = Crypto.hmac(k, utf8(service));
    return Crypto.hmac(k, utf8(CredentialScope.TERMINATOR));
  }

  static int size() {
    return CACHE.size();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Holds the secret for equality only; {@link #toString()} never shows it, so keys are safe to log. */
  private static final class Key {
    private final String secret;
    private final String date;
    private final String region;
    private final String service;
    private final int hash;

    Key(String secret, String date, String region, String service) {
      this.secret = secret;
      this.date = date;
      this.region = region;
      this.service = service;
      this.hash = Objects.hash(secret, date, region, service);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && hash == other.hash && secret.equals(other.secret)
          && date.equals(other.date) && region.equals(other.region) && service.equals(other.service);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "SigningKey[" + date + "/" + region + "/" + service + "]";
    }
  }
}
