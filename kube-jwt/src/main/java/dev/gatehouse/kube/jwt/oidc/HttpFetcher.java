package dev.gatehouse.kube.jwt.oidc;

import dev.gatehouse.kube.jwt.internal.BoundedBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Non-blocking GETs with a per-request timeout and a cap on the body size. Failures complete the future
 * exceptionally with a {@link FetchException} whose message reads like Go's {@code *url.Error}
 * ({@code Get "https://…": …}).
 */
final class HttpFetcher {

    /** A transport-level failure (no HTTP response was read). */
    static final class FetchException extends Exception {
        FetchException(String message) {
            super(message);
        }
    }

    /** A response whose body has been read completely. */
    record Response(int status, HttpHeaders headers, byte[] body) {
        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBodyBytes;

    HttpFetcher(HttpClient client, Duration timeout, int maxBodyBytes) {
        this.client = client;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    CompletableFuture<Response> get(URI uri) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", "application/json").build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new FetchException("Get " + quoted(uri) + ": " + e.getMessage()));
        }
        return client.sendAsync(request, BoundedBody.handler(maxBodyBytes))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(new FetchException("Get " + quoted(uri) + ": "
                                + describe(failure)));
                    }
                    return new Response(response.statusCode(), response.headers(), response.body());
                });
    }

    private static String quoted(URI uri) {
        return dev.gatehouse.kube.jwt.internal.GoFormat.quote(uri.toString());
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "net/http: request canceled (Client.Timeout exceeded while awaiting headers)";
        }
        String message = cause.getMessage();
        return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }
}
