package dev.gatehouse.kube.auditing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.audit.Level;
import dev.gatehouse.kube.audit.RequestAudit;
import dev.gatehouse.kube.audit.ResponseStatus;
import dev.gatehouse.kube.server.ResponseSink;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A response sink that records what goes out in the request's audit record: the response status (the Status
 * object of an error), the response body at RequestResponse level, the start of a stream, and completion.
 */
public final class AuditingSink implements ResponseSink {
  private static final int STATUS_SIZE_LIMIT = 16 * 1024;
  private final ResponseSink delegate;
  private final RequestAudit audit;

  public AuditingSink(ResponseSink delegate, RequestAudit audit) {
    this.delegate = delegate;
    this.audit = audit;
  }

  @Override
  public void send(int status, String contentType, byte[] body, Map<String, List<String>> headers) {
    if (audit.enabled()) {
      boolean wholeBody = audit.evaluation().level() == Level.REQUEST_RESPONSE;
      // Below RequestResponse only a Status body matters (its code and message); Status objects are small, so a
      // large successful body (a LIST of hundreds of objects) is not parsed back just to learn it is not one.
      boolean mayBeStatus = status >= 300 || body.length <= STATUS_SIZE_LIMIT;
      JsonNode json = contentType.startsWith("application/json") && (wholeBody || mayBeStatus) ? parse(body) : null;
      if (json != null && "Status".equals(json.path("kind").asText()) && json.has("code")) {
        audit.responseStatus(ResponseStatus.fromStatusObject(json));
      } else {
        audit.responseStatus(ResponseStatus.ofCode(status));
      }
      if (json != null && wholeBody) {
        audit.responseObject(json);
      }
      audit.responseStarted(status);
    }
    // recorded before the bytes leave, so a client that has its answer can rely on the event existing
    audit.complete();
    delegate.send(status, contentType, body, headers);
  }

  @Override
  public void startStream(String contentType, Map<String, List<String>> headers) {
    audit.responseStatus(ResponseStatus.ofCode(200));
    audit.responseStarted(200);
    delegate.startStream(contentType, headers);
  }

  @Override
  public boolean write(byte[] chunk) {
    return delegate.write(chunk);
  }

  @Override
  public void end() {
    delegate.end();
    audit.complete();
  }

  @Override
  public void onClose(Runnable action) {
    delegate.onClose(() -> {
      audit.complete();
      action.run();
    });
  }

  @Override
  public void addHeader(String name, String value) {
    delegate.addHeader(name, value);
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
