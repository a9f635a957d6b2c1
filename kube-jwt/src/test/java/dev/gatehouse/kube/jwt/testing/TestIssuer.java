package dev.gatehouse.kube.jwt.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTPS OpenID provider (127.0.0.1, ephemeral port): serves {@code <any path>/.well-known/openid-configuration}
 * naming the issuer {@code <base URL><path>} (or an override) and {@code /keys} with the published JWKS.
 */
public final class TestIssuer implements AutoCloseable {

    private static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger keyRequests = new AtomicInteger();
    private volatile List<JWK> published = List.of();
    private volatile String discoveryIssuer;
    private volatile int discoveryStatus = 200;
    private volatile int keysStatus = 200;
    private volatile String cacheControl;
    private volatile java.util.concurrent.CountDownLatch keysGate;

    private TestIssuer(TestPki pki) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static TestIssuer start(TestPki pki) {
        try {
            return new TestIssuer(pki);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Back to serving the given public keys with default behaviour; counters reset. */
    public void reset(List<JWK> keys) {
        published = List.copyOf(keys);
        discoveryIssuer = null;
        discoveryStatus = 200;
        keysStatus = 200;
        cacheControl = null;
        keysGate = null;
        discoveryRequests.set(0);
        keyRequests.set(0);
    }

    public void publish(List<JWK> keys) {
        published = List.copyOf(keys);
    }

    public void discoveryIssuer(String issuer) {
        discoveryIssuer = issuer;
    }

    public void discoveryStatus(int status) {
        discoveryStatus = status;
    }

    public void keysStatus(int status) {
        keysStatus = status;
    }

    public void cacheControl(String value) {
        cacheControl = value;
    }

    /** Holds every /keys response until the latch opens (to observe callers while a fetch is pending). */
    public void holdKeysUntil(java.util.concurrent.CountDownLatch gate) {
        keysGate = gate;
    }

    public int discoveryRequests() {
        return discoveryRequests.get();
    }

    public int keyRequests() {
        return keyRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.endsWith(WELL_KNOWN)) {
                discoveryRequests.incrementAndGet();
                if (discoveryStatus != 200) {
                    respond(exchange, discoveryStatus, "text/plain", "discovery unavailable");
                    return;
                }
                String prefix = path.substring(0, path.length() - WELL_KNOWN.length());
                String issuer = discoveryIssuer != null ? discoveryIssuer : url() + prefix;
                respond(exchange, 200, "application/json",
                        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + url() + "/keys\","
                                + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}");
            } else if (path.equals("/keys")) {
                keyRequests.incrementAndGet();
                java.util.concurrent.CountDownLatch gate = keysGate;
                if (gate != null) {
                    try {
                        gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (keysStatus != 200) {
                    respond(exchange, keysStatus, "text/plain", "keys unavailable");
                    return;
                }
                if (cacheControl != null) {
                    exchange.getResponseHeaders().set("Cache-Control", cacheControl);
                }
                respond(exchange, 200, "application/json", new JWKSet(published).toString(true));
            } else {
                respond(exchange, 404, "text/plain", "unexpected URL: " + path);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
