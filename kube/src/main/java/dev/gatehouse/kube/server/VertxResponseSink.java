package dev.gatehouse.kube.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link ResponseSink} over a Vert.x response; Vert.x runs writes from other threads on the request's context. */
final class VertxResponseSink implements ResponseSink {
  private final HttpServerResponse response;
  private final List<String[]> pendingHeaders = new ArrayList<>();
  private volatile boolean closed;

  VertxResponseSink(HttpServerResponse response) {
    this.response = response;
    response.closeHandler(v -> closed = true);
  }

  @Override
  public synchronized void send(int status, String contentType, byte[] body, Map<String, List<String>> headers) {
    if (closed || response.ended() || response.headWritten()) {
      return;
    }
    response.setStatusCode(status);
    response.putHeader("Content-Type", contentType);
    response.putHeader("Cache-Control", "no-cache, private");
    applyHeaders(headers);
    response.end(Buffer.buffer(body));
  }

  @Override
  public synchronized void startStream(String contentType, Map<String, List<String>> headers) {
    response.setStatusCode(200);
    response.setChunked(true);
    response.putHeader("Content-Type", contentType);
    response.putHeader("Cache-Control", "no-cache, private");
    applyHeaders(headers);
    response.writeHead();
  }

  private void applyHeaders(Map<String, List<String>> headers) {
    headers.forEach((name, values) -> response.headers().set(name, values));
    for (String[] h : pendingHeaders) {
      response.headers().add(h[0], h[1]);
    }
    pendingHeaders.clear();
  }

  @Override
  public boolean write(byte[] chunk) {
    if (closed || response.ended()) {
      return false;
    }
    response.write(Buffer.buffer(chunk));
    return true;
  }

  @Override
  public void end() {
    if (!closed && !response.ended()) {
      response.end();
    }
  }

  @Override
  public void onClose(Runnable action) {
    response.closeHandler(v -> {
      closed = true;
      action.run();
    });
    response.endHandler(v -> action.run());
  }

  @Override
  public synchronized void addHeader(String name, String value) {
    pendingHeaders.add(new String[] {name, value});
  }
}
