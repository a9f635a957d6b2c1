package dev.gatehouse.kube.jwt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A local HTTPS TokenReview endpoint at {@code /authenticate} answering with a scripted status and body, recording
 * every request it receives.
 */
public final class FakeTokenReviewServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one request looked like. */
    public record Request(JsonNode body, String authorization) {
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile long delayMillis;
    private volatile String retryAfter;

    private FakeTokenReviewServer(TestPki pki, boolean requireClientCertificate) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SSLContext context = pki.serverContext();
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                var ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(requireClientCertificate);
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/authenticate", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeTokenReviewServer start(TestPki pki, boolean requireClientCertificate) {
        try {
            return new FakeTokenReviewServer(pki, requireClientCertificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/authenticate";
    }

    public void respond(int status, String body, long delayMillis, String retryAfter) {
        this.status = status;
        this.body = body;
        this.delayMillis = delayMillis;
        this.retryAfter = retryAfter;
        requests.clear();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] in = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(JSON.readTree(in), exchange.getRequestHeaders().getFirst("Authorization")));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        } catch (IOException e) {
            // The client gave up (timeout cases); nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
