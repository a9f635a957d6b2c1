package dev.gatehouse.kube.server;

import java.util.List;
import java.util.Map;

/**
 * Where a handler writes its answer: either one whole response, or a chunked stream (watch). Implementations
 * are safe to call from any thread.
 */
public interface ResponseSink {
  /** Sends a complete response. */
  void send(int status, String contentType, byte[] body, Map<String, List<String>> headers);

  /** Starts a chunked 200 response; follow with {@link #write} and {@link #end}. */
  void startStream(String contentType, Map<String, List<String>> headers);

  /** Writes one chunk; returns false once the client has gone away. */
  boolean write(byte[] chunk);

  void end();

  /** Called once when the client disconnects or the stream ends. */
  void onClose(Runnable action);

  /** Adds a response header to whatever is sent next (e.g. Warning). */
  void addHeader(String name, String value);
}
