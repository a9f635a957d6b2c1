package dev.gatehouse.kube.server;

import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.pki.Pem;
import dev.gatehouse.kube.pki.SingleKeyManager;
import dev.gatehouse.kube.pki.ServerPki;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener of the Kubernetes API: TLS with the cluster's serving certificate, client certificates
 * requested (not required) and trusted only when signed by the cluster CA, HTTP/2 and HTTP/1.1. It turns each
 * request into an {@link ApiRequest} (enforcing kube-apiserver's 3 MiB body limit) and hands it to
 * {@link KubeApi} on a worker thread, so storage waits never block the event loop.
 */
public final class VertxKubeServer implements AutoCloseable {
  public static final long MAX_BODY_BYTES = 3L * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(VertxKubeServer.class);

  private final Vertx vertx;
  private final KubeApi api;
  private final ExecutorService workers;
  private HttpServer server;

  public VertxKubeServer(Vertx vertx, KubeApi api, ExecutorService workers) {
    this.vertx = vertx;
    this.api = api;
    this.workers = workers;
  }

  /** Starts listening; returns the bound port (useful with port 0). */
  public int start(String host, int port, ServerPki pki) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setSsl(true)
        .setUseAlpn(true)
        .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1))
        .setClientAuth(ClientAuth.REQUEST)
        .setKeyCertOptions(KeyCertOptions.wrap(new SingleKeyManager(pki.serving())))
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(Pem.encode(pki.ca().certificate()))))
        .setCompressionSupported(true)
        .setMaxFormAttributeSize(8192);
    server = vertx.createHttpServer(options).requestHandler(this::onRequest);
    server.listen().toCompletionStage().toCompletableFuture().join();
    return server.actualPort();
  }

  private void onRequest(HttpServerRequest request) {
    java.time.Instant receivedAt = java.time.Instant.now();
    VertxResponseSink sink = new VertxResponseSink(request.response());
    String lengthHeader = request.getHeader("content-length");
    if (lengthHeader != null) {
      try {
        if (Long.parseLong(lengthHeader) > MAX_BODY_BYTES) {
          respondError(sink, Errors.tooLarge(MAX_BODY_BYTES));
          return;
        }
      } catch (NumberFormatException e) {
        respondError(sink, Errors.badRequest("invalid Content-Length"));
        return;
      }
    }
    Buffer body = Buffer.buffer();
    boolean[] tooLarge = {false};
    request.handler(chunk -> {
      if (tooLarge[0]) {
        return;
      }
      if (body.length() + chunk.length() > MAX_BODY_BYTES) {
        tooLarge[0] = true;
        respondError(sink, Errors.tooLarge(MAX_BODY_BYTES));
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(v -> {
      if (tooLarge[0]) {
        return;
      }
      ApiRequest apiRequest;
      try {
        apiRequest = toApiRequest(request, body.getBytes(), receivedAt);
      } catch (StatusException e) {
        respondError(sink, e);
        return;
      }
      workers.execute(() -> api.handle(apiRequest, sink));
    });
  }

  private static void respondError(ResponseSink sink, StatusException e) {
    sink.send(e.code(), "application/json", KubeApi.renderStatus(e), Map.of());
  }

  private ApiRequest toApiRequest(HttpServerRequest request, byte[] body, java.time.Instant receivedAt) {
    String rawPath = request.path();
    String path = decodePath(rawPath);
    String cluster = "";
    String clusterPrefix = "";
    if (path.startsWith("/clusters/")) {
      int end = path.indexOf('/', "/clusters/".length());
      cluster = end < 0 ? path.substring("/clusters/".length()) : path.substring("/clusters/".length(), end);
      clusterPrefix = "/clusters/" + cluster;
      path = end < 0 ? "/" : path.substring(end);
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.params().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .add(e.getValue()));
    String remote = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
    return new ApiRequest(request.method().name(), cluster, clusterPrefix, path, query, headers, body,
        peerCertificates(request), request.uri(), remote, receivedAt);
  }

  private static String decodePath(String rawPath) {
    try {
      return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Errors.badRequest("invalid path: " + rawPath);
    }
  }

  private static List<X509Certificate> peerCertificates(HttpServerRequest request) {
    if (!request.isSSL() || request.connection().sslSession() == null) {
      return List.of();
    }
    try {
      List<X509Certificate> certs = new ArrayList<>();
      for (Certificate c : request.connection().sslSession().getPeerCertificates()) {
        if (c instanceof X509Certificate x) {
          certs.add(x);
        }
      }
      return certs;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close().toCompletionStage().toCompletableFuture().join();
    }
    LOG.debug("kube listener closed");
  }
}
