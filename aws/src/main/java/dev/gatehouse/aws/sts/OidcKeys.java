package dev.gatehouse.aws.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of OIDC issuers, found as AWS finds them: {@code <iss>/.well-known/openid-configuration}, then
 * its {@code jwks_uri}, both over HTTPS. Keys are cached per issuer for an hour. A token whose {@code kid} the
 * cache does not know makes one new fetch (a rotated key), at most once per {@code minRefetchInterval} per issuer,
 * so tokens with made-up key ids cannot make Gatehouse hammer an issuer. Fetches block the calling worker thread
 * (operations run on workers, never on the event loop) for at most the request timeout.
 */
public final class OidcKeys {
  public static final Duration DEFAULT_MIN_REFETCH = Duration.ofSeconds(10);
  static final Duration KEY_LIFETIME = Duration.ofHours(1);
  /** AWS gives an issuer about five seconds to answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_BODY = 1 << 20;
  private static final Logger log = LoggerFactory.getLogger(OidcKeys.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Discovery or key retrieval failed; {@code getMessage()} says why, for the server log. */
  static final class FetchFailed extends Exception {
    FetchFailed(String message) {
      super(message, null, false, false);
    }
  }

  private static final class IssuerKeys {
    URI jwksUri;
    List<JwsSignatures.Jwk> keys = List.of();
    Instant fetchedAt;
  }

  private final HttpClient client;
  private final Clock clock;
  private final Duration minRefetchInterval;
  private final ConcurrentHashMap<String, IssuerKeys> issuers = new ConcurrentHashMap<>();

  public OidcKeys(HttpClient client, Clock clock, Duration minRefetchInterval) {
    this.client = client;
    this.clock = clock;
    this.minRefetchInterval = minRefetchInterval;
  }

  /**
   * The usual set-up: HTTPS trusting the JVM's default CAs plus, if given, the CAs of a PEM bundle (the server's
   * OIDC CA bundle option).
   */
  public static OidcKeys create(List<Path> caBundles, Clock clock) {
    HttpClient client = HttpClient.newBuilder().sslContext(OidcTrust.sslContext(caBundles))
        .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    return new OidcKeys(client, clock, DEFAULT_MIN_REFETCH);
  }

  /**
   * The issuer's keys that may have signed a token with this {@code kid} (any key when the token names none) and
   * algorithm; empty when the issuer has no such key even after a refetch.
   */
  List<JwsSignatures.Jwk> candidates(String issuer, Optional<String> kid, String alg) throws FetchFailed {
    IssuerKeys entry = issuers.computeIfAbsent(issuer, i -> new IssuerKeys());
    synchronized (entry) {
      Instant now = clock.instant();
      boolean fresh = entry.fetchedAt != null && now.isBefore(entry.fetchedAt.plus(KEY_LIFETIME));
      List<JwsSignatures.Jwk> found = matching(entry.keys, kid, alg);
      if (fresh && !found.isEmpty()) {
        return found;
      }
      boolean mayFetch = !fresh || !now.isBefore(entry.fetchedAt.plus(minRefetchInterval));
      if (!mayFetch) {
        return found;
      }
      fetch(issuer, entry);
      return matching(entry.keys, kid, alg);
    }
  }

  private static List<JwsSignatures.Jwk> matching(List<JwsSignatures.Jwk> keys, Optional<String> kid, String alg) {
    List<JwsSignatures.Jwk> out = new ArrayList<>();
    for (JwsSignatures.Jwk k : keys) {
      if (JwsSignatures.fits(k, alg) && (kid.isEmpty() || kid.get().equals(k.keyId()))) {
        out.add(k);
      }
    }
    return out;
  }

  private void fetch(String issuer, IssuerKeys entry) throws FetchFailed {
    if (entry.jwksUri == null) {
      URI discovery = uri(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
      JsonNode document = getJson(discovery);
      JsonNode jwks = document.get("jwks_uri");
      if (jwks == null || !jwks.isTextual()) {
        throw new FetchFailed(discovery + " names no jwks_uri");
      }
      entry.jwksUri = uri(jwks.textValue());
    }
    JsonNode set;
    try {
      set = getJson(entry.jwksUri);
    } catch (FetchFailed e) {
      entry.jwksUri = null; // discover again next time: the issuer may have moved its keys
      throw e;
    }
    JsonNode keys = set.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new FetchFailed(entry.jwksUri + " holds no \"keys\" array");
    }
    List<JwsSignatures.Jwk> parsed = new ArrayList<>();
    keys.forEach(k -> JwsSignatures.parse(k).ifPresent(parsed::add));
    entry.keys = List.copyOf(parsed);
    entry.fetchedAt = clock.instant();
    log.debug("fetched {} signing keys of OIDC issuer {}", parsed.size(), issuer);
  }

  private static URI uri(String text) throws FetchFailed {
    try {
      URI u = URI.create(text);
      if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
        throw new FetchFailed(text + " is not an https URL");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new FetchFailed("invalid URL " + text);
    }
  }

  private JsonNode getJson(URI uri) throws FetchFailed {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        throw new FetchFailed(uri + " answered more than " + MAX_BODY + " bytes");
      }
      if (response.statusCode() != 200) {
        throw new FetchFailed(uri + " answered HTTP " + response.statusCode());
      }
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new FetchFailed(uri + " did not answer a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new FetchFailed(uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailed(uri + ": interrupted");
    }
  }
}
