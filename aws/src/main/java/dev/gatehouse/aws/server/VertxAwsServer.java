package dev.gatehouse.aws.server;

import dev.gatehouse.aws.eks.api.EksError;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.protocol.Namespaces;
import dev.gatehouse.aws.protocol.QueryResponses;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The AWS listener: HTTP/1.1 (HTTPS with the Gatehouse CA's serving certificate when asked). It turns each
 * request into an {@link HttpRequestView} with the raw path and query exactly as received (SigV4 signs those)
 * and runs the {@link AwsHandler} (normally {@link AwsRouter}: Query at {@code /}, EKS REST-JSON elsewhere) on a
 * worker thread, because operations wait for durable writes.
 */
public final class VertxAwsServer implements AutoCloseable {
  /** IAM's largest parameters (policy documents, 131,072 characters) URL-encoded fit with room to spare. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  /** PEM serving certificate and key for HTTPS; null for plain HTTP. */
  public record Tls(String certificatePem, String keyPem) {}

  private final Vertx vertx;
  private final AwsHandler api;
  private final ExecutorService workers;
  private HttpServer server;
  private boolean secure;

  public VertxAwsServer(Vertx vertx, AwsHandler api, ExecutorService workers) {
    this.vertx = vertx;
    this.api = api;
    this.workers = workers;
  }

  public int start(String host, int port, Tls tls) {
    // No cleartext HTTP/2 upgrade: AWS's endpoints speak HTTP/1.1 to these clients, and an upgraded request
    // carries its host as :authority, which is not the Host header the client signed.
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(false)
        .setMaxInitialLineLength(64 * 1024).setMaxHeaderSize(64 * 1024);
    if (tls != null) {
      secure = true;
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertValue(Buffer.buffer(tls.certificatePem())).setKeyValue(Buffer.buffer(tls.keyPem())));
    }
    server = vertx.createHttpServer(options).requestHandler(this::onRequest);
    server.listen().toCompletionStage().toCompletableFuture().join();
    return server.actualPort();
  }

  private void onRequest(HttpServerRequest request) {
    Buffer body = Buffer.buffer();
    boolean[] tooLarge = {false};
    request.handler(chunk -> {
      if (!tooLarge[0] && body.length() + chunk.length() > MAX_BODY_BYTES) {
        tooLarge[0] = true;
        String message = "Request body exceeds the maximum size of " + MAX_BODY_BYTES + " bytes";
        String id = UUID.randomUUID().toString();
        send(request, isRest(request) ? EksError.of("BadRequestException", message).response(id)
            : queryError(AwsError.validation(message), id));
      } else if (!tooLarge[0]) {
        body.appendBuffer(chunk);
      }
    });
    request.endHandler(v -> {
      if (tooLarge[0]) {
        return;
      }
      HttpRequestView view = view(request, body.getBytes());
      String source = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
      try {
        workers.execute(() -> {
          AwsResponse response = api.handle(view, source, secure);
          send(request, response);
        });
      } catch (RejectedExecutionException e) {
        String message = "Service is unable to handle request.";
        String id = UUID.randomUUID().toString();
        send(request, isRest(request) ? EksError.of("ServiceUnavailableException", message).response(id)
            : queryError(new AwsError("ServiceUnavailable", message, 503, false), id));
      }
    });
  }

  private static boolean isRest(HttpServerRequest request) {
    String uri = request.uri();
    int q = uri.indexOf('?');
    return !AwsRouter.isQueryPath(q < 0 ? uri : uri.substring(0, q));
  }

  private static AwsResponse queryError(AwsError e, String requestId) {
    return new AwsResponse(e.httpStatus(), "text/xml", QueryResponses.errorXml(Namespaces.IAM, e, requestId), requestId);
  }

  static HttpRequestView view(HttpServerRequest request, byte[] body) {
    String uri = request.uri();
    int q = uri.indexOf('?');
    String rawPath = q < 0 ? uri : uri.substring(0, q);
    String rawQuery = q < 0 ? null : uri.substring(q + 1);
    Headers.Builder headers = Headers.builder();
    request.headers().forEach(e -> headers.add(e.getKey(), e.getValue()));
    return new HttpRequestView(request.method().name(), rawPath, rawQuery, headers.build(), body);
  }

  private static void send(HttpServerRequest request, AwsResponse response) {
    var out = request.response().setStatusCode(response.status())
        .putHeader("content-type", response.contentType())
        .putHeader("x-amzn-RequestId", response.requestId());
    response.headers().forEach(out::putHeader);
    out.end(Buffer.buffer(response.body()));
  }

  @Override
  public void close() {
    if (server != null) {
      server.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
