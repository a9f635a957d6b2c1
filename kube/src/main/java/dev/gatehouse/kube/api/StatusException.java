package dev.gatehouse.kube.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request failed with a Kubernetes {@code Status}: the error is data (code, reason, message, details) and
 * the HTTP layer renders it byte for byte as kube-apiserver does.
 */
public final class StatusException extends RuntimeException {
  private final int code;
  private final String reason;
  private final StatusDetails details;

  public StatusException(int code, String reason, String message, StatusDetails details) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public StatusDetails details() {
    return details;
  }

  /** The {@code Status} object, with fields in kube-apiserver's order. */
  public ObjectNode toStatus() {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", getMessage());
    if (reason != null && !reason.isEmpty()) {
      status.put("reason", reason);
    }
    if (details != null) {
      status.set("details", details.toJson()); // an empty one renders as {}, as upstream's non-nil details
    }
    status.put("code", code);
    return status;
  }

  /** The {@code details} of a Status; empty fields are omitted when rendered. */
  public record StatusDetails(String name, String group, String kind, String uid, List<Cause> causes,
      Integer retryAfterSeconds) {
    public static final StatusDetails EMPTY = new StatusDetails(null, null, null, null, List.of(), null);

    public static StatusDetails of(String name, String group, String kind) {
      return new StatusDetails(name, group, kind, null, List.of(), null);
    }

    ObjectNode toJson() {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      if (!blank(name)) {
        node.put("name", name);
      }
      if (!blank(group)) {
        node.put("group", group);
      }
      if (!blank(kind)) {
        node.put("kind", kind);
      }
      if (!blank(uid)) {
        node.put("uid", uid);
      }
      if (!causes.isEmpty()) {
        var array = node.putArray("causes");
        for (Cause cause : causes) {
          ObjectNode c = array.addObject();
          if (!blank(cause.reason())) {
            c.put("reason", cause.reason());
          }
          if (!blank(cause.message())) {
            c.put("message", cause.message());
          }
          if (!blank(cause.field())) {
            c.put("field", cause.field());
          }
        }
      }
      if (retryAfterSeconds != null) {
        node.put("retryAfterSeconds", retryAfterSeconds);
      }
      return node;
    }

    private static boolean blank(String s) {
      return s == null || s.isEmpty();
    }
  }

  /** One cause of an Invalid or Conflict status. */
  public record Cause(String reason, String message, String field) {}
}
