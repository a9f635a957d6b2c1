package dev.gatehouse.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An HTTPS client of the Kubernetes API that authenticates as the bootstrap administrator (the client certificate
 * under {@code DATA_DIR/pki}) or with a bearer token ({@link ClientIdentity}), optionally under a path prefix
 * such as {@code /clusters/bench} (one logical cluster of the server), and keeps a pool of HTTP/1.1 keep-alive connections, one request in flight per
 * connection (no pipelining) — the way many independent API clients load a kube-apiserver.
 *
 * <p>Why Vert.x and HTTP/1.1: the JDK HttpClient funnels everything through one selector thread and either one
 * HTTP/2 connection or an unbounded HTTP/1.1 pool, so its own overhead dominates at tens of thousands of
 * requests per second; Vert.x's client is the same Netty stack as the server, with an explicit pool size, and
 * costs little CPU per request, which matters when client and server share two cores.
 */
final class ApiClient implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final int eventLoops;
  private final HttpClientAgent http;
  private final String host;
  private final int port;
  private final Extras extras;

  /**
   * What sets a client apart from the default administrator client at the root cluster.
   *
   * @param identity   client certificate or bearer token
   * @param pathPrefix prepended to every request path ("" or e.g. {@code /clusters/bench})
   * @param userAgent  the User-Agent header, or null for Vert.x's own (lets audit lines be told apart)
   */
  record Extras(ClientIdentity identity, String pathPrefix, String userAgent) {
    static final Extras DEFAULT = new Extras(new ClientIdentity.AdminCertificate(), "", null);
  }

  private ApiClient(Vertx vertx, boolean ownsVertx, int eventLoops, HttpClientAgent http, String host, int port,
                    Extras extras) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.eventLoops = eventLoops;
    this.http = http;
    this.host = host;
    this.port = port;
    this.extras = extras;
  }

  /** A client with its own Vert.x instance of {@code eventLoops} threads and a pool of {@code connections}. */
  static ApiClient connect(URI url, Path dataDir, int connections, int eventLoops) {
    return connect(url, dataDir, connections, eventLoops, Extras.DEFAULT);
  }

  /** Like {@link #connect(URI, Path, int, int)}, with another identity, path prefix or User-Agent. */
  static ApiClient connect(URI url, Path dataDir, int connections, int eventLoops, Extras extras) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
    return new ApiClient(vertx, true, eventLoops, httpClient(vertx, dataDir, connections, eventLoops,
        extras.identity()), url.getHost(), url.getPort(), extras);
  }

  /** A second pool on an existing Vert.x instance (the watchers' connections, apart from the writers'). */
  ApiClient sharing(URI url, Path dataDir, int connections) {
    return new ApiClient(vertx, false, eventLoops, httpClient(vertx, dataDir, connections, eventLoops,
        extras.identity()), url.getHost(), url.getPort(), extras);
  }

  /** A second pool on this client's Vert.x instance with another identity, path prefix or User-Agent. */
  ApiClient sharing(URI url, Path dataDir, int connections, Extras other) {
    return new ApiClient(vertx, false, eventLoops, httpClient(vertx, dataDir, connections, eventLoops,
        other.identity()), url.getHost(), url.getPort(), other);
  }

  ClientIdentity identity() {
    return extras.identity();
  }

  private static HttpClientAgent httpClient(Vertx vertx, Path dataDir, int connections, int eventLoops,
                                            ClientIdentity identity) {
    Path pki = dataDir.resolve("pki");
    requireFile(pki.resolve("ca.crt"));
    HttpClientOptions options = new HttpClientOptions()
        .setSsl(true)
        .setUseAlpn(false)
        .setProtocolVersion(HttpVersion.HTTP_1_1)
        .setKeepAlive(true)
        .setPipelining(false)
        .setDecompressionSupported(false)
        .setConnectTimeout(30_000)
        .setTrustOptions(new PemTrustOptions().addCertPath(pki.resolve("ca.crt").toString()));
    // With a bearer token no client certificate is offered at all, so only the token can authenticate.
    if (identity instanceof ClientIdentity.AdminCertificate) {
      requireFile(pki.resolve("admin.crt"));
      requireFile(pki.resolve("admin.key"));
      options.setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(pki.resolve("admin.crt").toString())
          .setKeyPath(pki.resolve("admin.key").toString()));
    }
    // Spread the pool's connections over every event loop, whichever thread asks for a connection.
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1)
        .setEventLoopSize(eventLoops);
    return vertx.createHttpClient(options, pool);
  }

  private static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("missing " + file + " (is --data-dir the server's data directory?)");
    }
  }

  /** Sends a request and collects the whole response body. */
  Future<Response> send(HttpMethod method, String path, byte[] body) {
    return send(method, path, body, "application/json");
  }

  /** Like {@link #send(HttpMethod, String, byte[])} with another Accept header (e.g. kubectl's Table request). */
  Future<Response> send(HttpMethod method, String path, byte[] body, String accept) {
    RequestOptions request = new RequestOptions().setMethod(method).setHost(host).setPort(port)
        .setURI(extras.pathPrefix() + path).setIdleTimeout(TIMEOUT.toMillis());
    if (body != null) {
      request.putHeader("Content-Type", "application/json");
    }
    request.putHeader("Accept", accept);
    addExtraHeaders(request);
    return http.request(request)
        .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), b)));
  }

  /** Starts a streaming GET (a watch): the future completes with the response once its headers are in. */
  Future<HttpClientResponse> stream(String path) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
        .setURI(extras.pathPrefix() + path).putHeader("Accept", "application/json");
    addExtraHeaders(request);
    return http.request(request).compose(req -> req.send());
  }

  private void addExtraHeaders(RequestOptions request) {
    if (extras.identity() instanceof ClientIdentity.BearerToken token) {
      request.putHeader("Authorization", "Bearer " + token.token());
    }
    if (extras.userAgent() != null) {
      request.putHeader("User-Agent", extras.userAgent());
    }
  }

  /** Blocking call for preparation steps (never inside a measured loop). */
  Response call(HttpMethod method, String path, byte[] body) {
    try {
      return send(method, path, body).toCompletionStage().toCompletableFuture()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    }
  }

  /** Like {@link #call} but fails unless the status is one of {@code expected}. */
  Response expect(HttpMethod method, String path, byte[] body, int... expected) {
    Response response = call(method, path, body);
    for (int status : expected) {
      if (response.status() == status) {
        return response;
      }
    }
    throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": "
        + response.text());
  }

  @Override
  public void close() {
    http.close().toCompletionStage().toCompletableFuture().join();
    if (ownsVertx) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  record Response(int status, Buffer body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    String text() {
      String s = body.toString();
      return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
  }
}
