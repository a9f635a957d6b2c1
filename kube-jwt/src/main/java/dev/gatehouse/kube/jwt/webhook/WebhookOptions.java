package dev.gatehouse.kube.jwt.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Settings kube-apiserver takes from flags rather than from the webhook kubeconfig.
 *
 * @param version          TokenReview version sent: {@code v1} (authentication.k8s.io/v1) or {@code v1beta1}
 *                         ({@code --authentication-token-webhook-version})
 * @param cacheTtl         how long authenticated and unauthenticated answers are cached
 *                         ({@code --authentication-token-webhook-cache-ttl}, 2m); errors are never cached
 * @param requestTimeout   timeout of one HTTP request (client-go's webhook client uses 30 s)
 * @param retry            backoff for retriable failures (429, 500, 504, reset connections)
 * @param implicitAudiences the API server's audiences ({@code --api-audiences}), assumed when the webhook
 *                          answers without {@code status.audiences}
 * @param maxCacheEntries  cache bound; least recently used answers are dropped first
 * @param clock            time source of the cache
 * @param executor         where HTTP completions run; empty for the JDK HttpClient default
 */
public record WebhookOptions(String version, Duration cacheTtl, Duration requestTimeout, Backoff retry,
                             List<String> implicitAudiences, int maxCacheEntries, Clock clock,
                             Optional<Executor> executor) {

    /** Upstream's {@code wait.Backoff}: attempts = steps, delays grow by factor, each extended by up to jitter. */
    public record Backoff(Duration initialDelay, double factor, double jitter, int steps) {
        /** {@code webhook.DefaultRetryBackoffWithInitialDelay(500ms)}. */
        public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), 1.5, 0.2, 5);
    }

    public WebhookOptions {
        if (!version.equals("v1") && !version.equals("v1beta1")) {
            throw new IllegalArgumentException("unsupported authentication webhook version \"" + version
                    + "\", supported versions are \"v1\", \"v1beta1\"");
        }
        implicitAudiences = List.copyOf(implicitAudiences);
    }

    public static WebhookOptions defaults() {
        return new WebhookOptions("v1", Duration.ofMinutes(2), Duration.ofSeconds(30), Backoff.DEFAULT, List.of(),
                4096, Clock.systemUTC(), Optional.empty());
    }

    public WebhookOptions withVersion(String value) {
        return new WebhookOptions(value, cacheTtl, requestTimeout, retry, implicitAudiences, maxCacheEntries, clock,
                executor);
    }

    public WebhookOptions withCacheTtl(Duration value) {
        return new WebhookOptions(version, value, requestTimeout, retry, implicitAudiences, maxCacheEntries, clock,
                executor);
    }

    public WebhookOptions withRequestTimeout(Duration value) {
        return new WebhookOptions(version, cacheTtl, value, retry, implicitAudiences, maxCacheEntries, clock,
                executor);
    }

    public WebhookOptions withRetry(Backoff value) {
        return new WebhookOptions(version, cacheTtl, requestTimeout, value, implicitAudiences, maxCacheEntries, clock,
                executor);
    }

    public WebhookOptions withImplicitAudiences(List<String> value) {
        return new WebhookOptions(version, cacheTtl, requestTimeout, retry, value, maxCacheEntries, clock, executor);
    }

    public WebhookOptions withClock(Clock value) {
        return new WebhookOptions(version, cacheTtl, requestTimeout, retry, implicitAudiences, maxCacheEntries, value,
                executor);
    }

    public WebhookOptions withExecutor(Executor value) {
        return new WebhookOptions(version, cacheTtl, requestTimeout, retry, implicitAudiences, maxCacheEntries, clock,
                Optional.of(value));
    }
}
