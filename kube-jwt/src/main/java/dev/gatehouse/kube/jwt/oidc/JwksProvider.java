package dev.gatehouse.kube.jwt.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issuer's signing keys, found through its OpenID discovery document and fetched from its {@code jwks_uri}.
 *
 * <p>Like go-oidc's remote key set, keys are fetched lazily, cached, and fetched again when a token's signature
 * cannot be verified with the cached keys (a new {@code kid} after rotation), with at most one fetch in flight.
 * Unlike go-oidc, such refetches are rate-limited ({@code minRefetchInterval}) so a stream of tokens with made-up
 * key ids cannot make the server hammer the issuer. A discovery failure is remembered and retried after
 * {@code discoveryRetryInterval} (upstream polls every 10 s).
 *
 * <p>Nothing here blocks: fetches run on the HTTP client's executor and results are delivered through futures that
 * never complete exceptionally.
 */
public final class JwksProvider {

    private static final Logger LOG = LoggerFactory.getLogger(JwksProvider.class);
    /** go-oidc's {@code keysExpiryDelta}: cached keys this close to expiry may be refreshed. */
    private static final Duration KEYS_EXPIRY_DELTA = Duration.ofSeconds(30);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)\"?");

    /** Result of discovery. */
    public sealed interface Discovery {
        record Found(URI jwksUri) implements Discovery {
        }

        record Failed(String error) implements Discovery {
        }
    }

    /** Result of a key fetch. */
    public sealed interface KeyFetch {
        record Fetched(List<JWK> keys) implements KeyFetch {
        }

        record Failed(String error) implements KeyFetch {
        }
    }

    private final String issuerUrl;
    private final URI discoveryUri;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final Duration discoveryRetryInterval;

    // Guarded by this.
    private URI jwksUri;
    private CompletableFuture<Discovery> discoveryInFlight;
    private Instant discoveryFailedAt;
    private String lastError;
    private List<JWK> keys = List.of();
    private Instant keysExpiry = Instant.MIN;
    private Instant lastKeyFetch;
    private CompletableFuture<KeyFetch> keysInFlight;

    JwksProvider(String issuerUrl, URI discoveryUri, HttpFetcher fetcher, Clock clock, Duration minRefetchInterval,
                 Duration discoveryRetryInterval) {
        this.issuerUrl = issuerUrl;
        this.discoveryUri = discoveryUri;
        this.fetcher = fetcher;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
        this.discoveryRetryInterval = discoveryRetryInterval;
    }

    /** The discovery URL upstream uses: the configured one, else {@code <issuer>/.well-known/openid-configuration}. */
    static URI discoveryUri(String issuerUrl, String discoveryUrl) throws URISyntaxException {
        String url = discoveryUrl.isEmpty()
                ? issuerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration"
                : discoveryUrl;
        return new URI(url);
    }

    /** The most recent discovery or key fetch error, for health reporting. */
    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public synchronized boolean discovered() {
        return jwksUri != null;
    }

    /** Discovers the JWKS URL once; concurrent callers share one request. */
    public CompletableFuture<Discovery> discover() {
        CompletableFuture<Discovery> promise;
        synchronized (this) {
            if (jwksUri != null) {
                return CompletableFuture.completedFuture(new Discovery.Found(jwksUri));
            }
            if (discoveryInFlight != null) {
                return discoveryInFlight;
            }
            Instant now = clock.instant();
            if (discoveryFailedAt != null && now.isBefore(discoveryFailedAt.plus(discoveryRetryInterval))) {
                return CompletableFuture.completedFuture(new Discovery.Failed(lastError));
            }
            promise = new CompletableFuture<>();
            discoveryInFlight = promise;
        }
        fetchDiscovery().whenComplete((outcome, unexpected) -> {
            Discovery result = unexpected != null ? new Discovery.Failed(String.valueOf(unexpected)) : outcome;
            synchronized (this) {
                discoveryInFlight = null;
                if (result instanceof Discovery.Found found) {
                    jwksUri = found.jwksUri();
                    discoveryFailedAt = null;
                    lastError = null;
                } else {
                    discoveryFailedAt = clock.instant();
                    lastError = ((Discovery.Failed) result).error();
                }
            }
            if (result instanceof Discovery.Failed failed) {
                LOG.error("oidc authenticator: initializing plugin: {}", failed.error());
            }
            promise.complete(result);
        });
        return promise;
    }

    private CompletableFuture<Discovery> fetchDiscovery() {
        return fetcher.get(discoveryUri).handle((response, failure) -> {
            if (failure != null) {
                return new Discovery.Failed(rootMessage(failure));
            }
            if (response.status() != 200) {
                return new Discovery.Failed(GoFormat.httpStatus(response.status()) + ": " + response.bodyText());
            }
            JsonNode document;
            try {
                document = Json.parseObject(response.body());
            } catch (Json.JsonException e) {
                return new Discovery.Failed("oidc: failed to decode provider discovery object: "
                        + decodeProblem(response, e.getMessage()));
            }
            String issuer = text(document, "issuer");
            if (!issuer.equals(issuerUrl)) {
                return new Discovery.Failed("oidc: issuer did not match the issuer returned by provider, expected "
                        + GoFormat.quote(issuerUrl) + " got " + GoFormat.quote(issuer));
            }
            String jwks = text(document, "jwks_uri");
            try {
                return new Discovery.Found(new URI(jwks));
            } catch (URISyntaxException e) {
                return new Discovery.Failed("oidc: invalid jwks_uri " + GoFormat.quote(jwks) + ": " + e.getMessage());
            }
        });
    }

    /** The keys from the last successful fetch. */
    public synchronized List<JWK> cachedKeys() {
        return keys;
    }

    /**
     * Whether a signature that failed with the cached keys may trigger a new fetch: a fetch is already running,
     * or the cache is near expiry (go-oidc's rule) and the last fetch is older than the minimum interval.
     */
    public synchronized boolean mayRefetch() {
        if (keysInFlight != null) {
            return true;
        }
        Instant now = clock.instant();
        boolean cacheStale = now.plus(KEYS_EXPIRY_DELTA).isAfter(keysExpiry);
        boolean rateAllows = lastKeyFetch == null || !now.isBefore(lastKeyFetch.plus(minRefetchInterval));
        return cacheStale && rateAllows;
    }

    /** Fetches the key set (joining a fetch already in flight). Requires a successful {@link #discover()}. */
    public CompletableFuture<KeyFetch> fetchKeys() {
        CompletableFuture<KeyFetch> promise;
        URI uri;
        synchronized (this) {
            if (keysInFlight != null) {
                return keysInFlight;
            }
            if (jwksUri == null) {
                return CompletableFuture.completedFuture(new KeyFetch.Failed("oidc: authenticator not initialized"));
            }
            uri = jwksUri;
            lastKeyFetch = clock.instant();
            promise = new CompletableFuture<>();
            keysInFlight = promise;
        }
        requestKeys(uri).whenComplete((outcome, unexpected) -> {
            KeyFetch result = unexpected != null ? new KeyFetch.Failed(String.valueOf(unexpected)) : outcome;
            synchronized (this) {
                keysInFlight = null;
                if (result instanceof KeyFetch.Fetched fetched) {
                    keys = fetched.keys();
                    lastError = null;
                } else {
                    lastError = ((KeyFetch.Failed) result).error();
                }
            }
            if (result instanceof KeyFetch.Failed failed) {
                LOG.warn("oidc authenticator: fetching keys for issuer {}: {}", issuerUrl, failed.error());
            }
            promise.complete(result);
        });
        return promise;
    }

    private CompletableFuture<KeyFetch> requestKeys(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            // Keys fetched in clear text could be replaced in transit; upstream does not check this.
            return CompletableFuture.completedFuture(new KeyFetch.Failed(
                    "oidc: get keys failed: jwks_uri " + GoFormat.quote(uri.toString()) + " is not https"));
        }
        return fetcher.get(uri).handle((response, failure) -> {
            if (failure != null) {
                return new KeyFetch.Failed("oidc: get keys failed " + rootMessage(failure));
            }
            if (response.status() != 200) {
                return new KeyFetch.Failed("oidc: get keys failed: " + GoFormat.httpStatus(response.status()) + " "
                        + response.bodyText());
            }
            JsonNode document;
            try {
                document = Json.parseObject(response.body());
            } catch (Json.JsonException e) {
                return new KeyFetch.Failed("oidc: failed to decode keys: " + decodeProblem(response, e.getMessage())
                        + " " + response.bodyText());
            }
            JsonNode keyArray = document.get("keys");
            if (keyArray != null && !keyArray.isNull() && !keyArray.isArray()) {
                return new KeyFetch.Failed("oidc: failed to decode keys: json: cannot unmarshal "
                        + GoFormat.jsonKind(keyArray) + " into Go struct field JSONWebKeySet.keys of type "
                        + "[]jose.JSONWebKey " + response.bodyText());
            }
            List<JWK> parsed = new ArrayList<>();
            if (keyArray != null) {
                for (JsonNode key : keyArray) {
                    try {
                        parsed.add(JWK.parse(key.toString()));
                    } catch (ParseException e) {
                        LOG.debug("oidc authenticator: skipping unusable key from {}: {}", uri, e.getMessage());
                    }
                }
            }
            recordExpiry(response);
            return new KeyFetch.Fetched(List.copyOf(parsed));
        });
    }

    /** go-oidc keeps keys until the response's cache lifetime ends; without one they are stale at once. */
    private void recordExpiry(HttpFetcher.Response response) {
        Instant expiry = clock.instant();
        Optional<String> cacheControl = response.headers().firstValue("Cache-Control");
        if (cacheControl.isPresent() && !cacheControl.get().contains("no-store")
                && !cacheControl.get().contains("no-cache")) {
            Matcher m = MAX_AGE.matcher(cacheControl.get());
            if (m.find()) {
                expiry = expiry.plusSeconds(Long.parseLong(m.group(1)));
            }
        }
        synchronized (this) {
            keysExpiry = expiry;
        }
    }

    /** encoding/json's error, framed as go-oidc's {@code unmarshalResp} frames it by Content-Type. */
    private static String decodeProblem(HttpFetcher.Response response, String jsonError) {
        String contentType = response.contentType();
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (mediaType.equals("application/json")) {
            return "got Content-Type = application/json, but could not unmarshal as JSON: " + jsonError;
        }
        return "expected Content-Type = application/json, got " + GoFormat.quote(contentType) + ": " + jsonError;
    }

    private static String text(JsonNode document, String field) {
        JsonNode value = document.get(field);
        return value != null && value.isTextual() ? value.textValue() : "";
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
