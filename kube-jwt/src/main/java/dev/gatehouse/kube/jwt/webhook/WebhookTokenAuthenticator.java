package dev.gatehouse.kube.jwt.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Authenticated;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.NotApplicable;
import dev.gatehouse.kube.jwt.TokenAuthenticationResult.Rejected;
import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.internal.BoundedBody;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import dev.gatehouse.kube.jwt.internal.TlsContexts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's webhook token authenticator ({@code --authentication-token-webhook-config-file}): POSTs a
 * TokenReview to the configured endpoint and maps its status, behind the API server's token cache.
 *
 * <ul>
 *   <li>{@code status.authenticated: true} → {@link Authenticated}, unless audiences were requested and the
 *       answer's audiences (or the implicit ones) do not intersect them → {@link NotApplicable};</li>
 *   <li>{@code authenticated: false} with {@code status.error} → {@link Rejected}, without → {@link NotApplicable}
 *       (upstream's "not authenticated, no error");</li>
 *   <li>transport failures, timeouts and non-2xx answers → {@link Rejected}, after retrying 429/500/504 and reset
 *       connections with exponential backoff.</li>
 * </ul>
 * Authenticated and not-authenticated answers are cached for the cache TTL; errors are not. Concurrent identical
 * requests share one call. Threading as for the JWT authenticators: the async form never blocks.
 */
public final class WebhookTokenAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookTokenAuthenticator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RESPONSE_LOG_CHARS = 512;
    /** A TokenReview answer is a few KiB; refuse to buffer more. */
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final WebhookKubeconfig kubeconfig;
    private final WebhookOptions options;
    private final HttpClient client;
    private final TokenReviewCache cache;
    private final ConcurrentHashMap<String, CompletableFuture<TokenAuthenticationResult>> inFlight =
            new ConcurrentHashMap<>();

    private WebhookTokenAuthenticator(WebhookKubeconfig kubeconfig, WebhookOptions options) {
        this.kubeconfig = kubeconfig;
        this.options = options;
        this.cache = new TokenReviewCache(options.cacheTtl(), options.maxCacheEntries(), options.clock());
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.requestTimeout());
        options.executor().ifPresent(builder::executor);
        if (!kubeconfig.trustedCas().isEmpty() || kubeconfig.clientKey().isPresent()) {
            try {
                builder.sslContext(TlsContexts.create(kubeconfig.trustedCas(), kubeconfig.clientKey().orElse(null),
                        kubeconfig.clientChain()));
            } catch (GeneralSecurityException e) {
                throw new ConfigurationException("building TLS configuration for the token webhook: " + e.getMessage());
            }
        }
        this.client = builder.build();
    }

    public static WebhookTokenAuthenticator create(WebhookKubeconfig kubeconfig, WebhookOptions options) {
        return new WebhookTokenAuthenticator(kubeconfig, options);
    }

    /** Reads the kubeconfig file ({@code --authentication-token-webhook-config-file}). */
    public static WebhookTokenAuthenticator fromKubeconfigFile(Path file, WebhookOptions options) {
        return create(WebhookKubeconfig.load(file), options);
    }

    /** Blocking form of {@link #authenticateAsync}; call it from a worker thread only. */
    public TokenAuthenticationResult authenticate(String token, List<String> audiences) {
        return authenticateAsync(token, audiences).join();
    }

    /**
     * @param audiences the audiences the request must be valid for (kube-apiserver's API audiences); empty skips the
     *                  audience check
     */
    public CompletableFuture<TokenAuthenticationResult> authenticateAsync(String token, List<String> audiences) {
        List<String> wanted = List.copyOf(audiences);
        String key = cache.key(token, wanted);
        var cached = cache.get(key);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached.get());
        }
        CompletableFuture<TokenAuthenticationResult> mine = new CompletableFuture<>();
        CompletableFuture<TokenAuthenticationResult> shared = inFlight.putIfAbsent(key, mine);
        if (shared != null) {
            return shared;
        }
        review(token, wanted).whenComplete((result, unexpected) -> {
            TokenAuthenticationResult outcome = unexpected == null ? result
                    : new Rejected("webhook: internal error: " + unexpected);
            cache.put(key, outcome);
            inFlight.remove(key, mine);
            mine.complete(outcome);
        });
        return mine;
    }

    private CompletableFuture<TokenAuthenticationResult> review(String token, List<String> audiences) {
        HttpRequest request = request(token, audiences);
        return attempt(request, 1, options.retry().initialDelay()).thenApply(outcome -> {
            if (outcome.error() != null) {
                LOG.error("Failed to make webhook authenticator request: {}", outcome.error());
                return new Rejected(outcome.error());
            }
            return interpret(outcome.response(), audiences);
        });
    }

    private HttpRequest request(String token, List<String> audiences) {
        ObjectNode review = JSON.createObjectNode();
        review.put("apiVersion", "authentication.k8s.io/" + options.version());
        review.put("kind", "TokenReview");
        review.putObject("metadata").putNull("creationTimestamp");
        ObjectNode spec = review.putObject("spec");
        spec.put("token", token);
        if (!audiences.isEmpty()) {
            audiences.forEach(spec.putArray("audiences")::add);
        }
        review.putObject("status").putObject("user");
        HttpRequest.Builder builder = HttpRequest.newBuilder(kubeconfig.server())
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, */*")
                .POST(HttpRequest.BodyPublishers.ofString(review.toString()));
        kubeconfig.bearerToken().ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder.build();
    }

    /** One HTTP exchange's outcome: a successful response, or the error text. */
    private record Attempt(TokenReviewResponse response, String error, boolean retriable) {
    }

    private CompletableFuture<Attempt> attempt(HttpRequest request, int number, java.time.Duration delay) {
        return client.sendAsync(request, BoundedBody.handler(MAX_RESPONSE_BYTES))
                .handle(this::toAttempt)
                .thenCompose(result -> {
                    if (!result.retriable() || number >= options.retry().steps()) {
                        return CompletableFuture.completedFuture(result);
                    }
                    long jittered = delay.toMillis()
                            + (long) (ThreadLocalRandom.current().nextDouble() * options.retry().jitter() * delay.toMillis());
                    java.time.Duration next = java.time.Duration.ofMillis(
                            (long) (delay.toMillis() * options.retry().factor()));
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(jittered, TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> attempt(request, number + 1, next));
                });
    }

    private Attempt toAttempt(HttpResponse<byte[]> response, Throwable failure) {
        String url = GoFormat.quote(kubeconfig.server().toString());
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof HttpTimeoutException) {
                return new Attempt(null, "Post " + url
                        + ": net/http: request canceled (Client.Timeout exceeded while awaiting headers)", false);
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            boolean reset = cause instanceof IOException && message.toLowerCase(java.util.Locale.ROOT).contains("reset");
            return new Attempt(null, "Post " + url + ": " + message, reset);
        }
        int status = response.statusCode();
        if (status < 200 || status > 206) {
            boolean retriable = status == 429 || status == 500 || status == 504
                    || response.headers().firstValue("Retry-After").isPresent();
            return new Attempt(null, statusError(status, response.body()), retriable);
        }
        try {
            return new Attempt(TokenReviewResponse.parse(JSON, response.body()), null, false);
        } catch (TokenReviewResponse.DecodeException e) {
            return new Attempt(null, e.getMessage(), false);
        }
    }

    /** client-go's wording for an unexpected status without a Status body. */
    private static String statusError(int status, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (text.length() > MAX_RESPONSE_LOG_CHARS) {
            text = text.substring(0, MAX_RESPONSE_LOG_CHARS) + "...";
        }
        return switch (status) {
            case 400 -> "the server rejected our request for an unknown reason";
            case 401 -> "the server has asked for the client to provide credentials";
            case 403 -> "the server does not allow access to the requested resource";
            case 404 -> "the server could not find the requested resource";
            case 429 -> "the server has received too many requests and has asked us to try again later";
            case 503 -> "the server is currently unable to handle the request";
            case 504 -> "the server was unable to return a response in the time allotted, but may still be "
                    + "processing the request";
            default -> status >= 500
                    ? "an error on the server (" + GoFormat.quote(text) + ") has prevented the request from succeeding"
                    : "the server responded with the status code " + status
                            + " but did not return more information";
        };
    }

    private TokenAuthenticationResult interpret(TokenReviewResponse status, List<String> wanted) {
        if (!wanted.isEmpty()) {
            List<String> got = status.audiences().isEmpty() ? options.implicitAudiences() : status.audiences();
            List<String> common = new ArrayList<>(wanted);
            common.retainAll(got);
            if (common.isEmpty()) {
                return new NotApplicable("webhook: token review audiences " + GoFormat.quoteList(got)
                        + " do not include any of " + GoFormat.quoteList(wanted));
            }
        }
        if (!status.authenticated()) {
            return status.error().isEmpty()
                    ? new NotApplicable("webhook: token review did not authenticate the token")
                    : new Rejected(status.error());
        }
        return new Authenticated(status.username(), status.uid(), status.groups(), status.extra());
    }
}
