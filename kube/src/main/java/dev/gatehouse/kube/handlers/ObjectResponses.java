package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.codec.MediaType;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.kube.server.ResponseSink;
import dev.gatehouse.kube.tables.Tables;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Renders objects and lists the way the client asked: a {@code meta.k8s.io/v1} Table when the Accept header
 * asks for one (kubectl get), JSON otherwise.
 */
public final class ObjectResponses {
  public static final String TABLE_CONTENT_TYPE = "application/json;as=Table;v=v1;g=meta.k8s.io";
  private final Tables tables;
  private final Clock clock;
  private final List<WriteWarnings> writeWarnings;

  public ObjectResponses(Tables tables, Clock clock) {
    this(tables, clock, List.of());
  }

  public ObjectResponses(Tables tables, Clock clock, List<WriteWarnings> writeWarnings) {
    this.tables = tables;
    this.clock = clock;
    this.writeWarnings = List.copyOf(writeWarnings);
  }

  private static boolean isWrite(String verb) {
    return verb.equals("create") || verb.equals("update") || verb.equals("patch");
  }

  /** RFC 7234 warn-code 299 with the text quoted, as kube-apiserver's warning headers. */
  public static String warningHeader(String text) {
    return "299 - \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Whether the request asks for server-side printing. */
  public static boolean wantsTable(String accept) {
    for (MediaType m : MediaType.parseAccept(accept)) {
      if (m.asKind("Table", "meta.k8s.io", "v1") || m.asKind("Table", "meta.k8s.io", "v1beta1")) {
        return true;
      }
      if (m.acceptsJson()) {
        return false;
      }
    }
    return false;
  }

  public void object(ResourceContext ctx, int status, ObjectNode object, ResponseSink sink) {
    if (!writeWarnings.isEmpty() && isWrite(ctx.info().verb())) {
      for (WriteWarnings advisor : writeWarnings) {
        advisor.warnings(ctx, object).forEach(w -> sink.addHeader("Warning", warningHeader(w)));
      }
    }
    if (wantsTable(ctx.request().header("accept"))) {
      ObjectNode table = tables.table(ctx.type(), List.of(object), includeObject(ctx), clock.instant(), true);
      table.withObject("/metadata").put("resourceVersion",
          object.path("metadata").path("resourceVersion").asText(""));
      sink.send(status, TABLE_CONTENT_TYPE, Json.bytes(table), Map.of());
      return;
    }
    sink.send(status, "application/json", Json.bytes(object), Map.of());
  }

  public void list(ResourceContext ctx, List<ObjectNode> items, String resourceVersion, String continueToken,
      Long remaining, ResponseSink sink) {
    if (wantsTable(ctx.request().header("accept"))) {
      ObjectNode table = tables.table(ctx.type(), items, includeObject(ctx), clock.instant(), true);
      ObjectNode metadata = table.withObject("/metadata");
      metadata.put("resourceVersion", resourceVersion);
      if (continueToken != null) {
        metadata.put("continue", continueToken);
      }
      if (remaining != null) {
        metadata.put("remainingItemCount", remaining);
      }
      sink.send(200, TABLE_CONTENT_TYPE, Json.bytes(table), Map.of());
      return;
    }
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    ResourceType type = ctx.type();
    list.put("kind", type.listKind());
    list.put("apiVersion", type.apiVersion());
    ObjectNode metadata = list.putObject("metadata");
    metadata.put("resourceVersion", resourceVersion);
    if (continueToken != null) {
      metadata.put("continue", continueToken);
    }
    if (remaining != null) {
      metadata.put("remainingItemCount", remaining);
    }
    ArrayNode array = list.putArray("items");
    for (ObjectNode item : items) {
      if (!type.isCustom()) {
        // built-in list items carry no kind/apiVersion, as kube-apiserver's typed lists
        item.remove("kind");
        item.remove("apiVersion");
      }
      array.add(item);
    }
    sink.send(200, "application/json", Json.bytes(list), Map.of());
  }

  /** A typed list whose items are already serialized (see ListItemCache); same bytes as {@link #list}. */
  public void rawList(ResourceContext ctx, List<byte[]> items, String resourceVersion, String continueToken,
      ResponseSink sink) {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.put("resourceVersion", resourceVersion);
    if (continueToken != null) {
      metadata.put("continue", continueToken);
    }
    ResourceType type = ctx.type();
    byte[] head = ("{\"kind\":\"" + type.listKind() + "\",\"apiVersion\":\"" + type.apiVersion() + "\",\"metadata\":"
        + new String(Json.bytes(metadata), java.nio.charset.StandardCharsets.UTF_8) + ",\"items\":[")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int size = head.length + Math.max(items.size() - 1, 0) + 2; // head, commas, "]}"
    for (byte[] item : items) {
      size += item.length;
    }
    byte[] body = new byte[size];
    int at = 0;
    System.arraycopy(head, 0, body, at, head.length);
    at += head.length;
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        body[at++] = ',';
      }
      byte[] item = items.get(i);
      System.arraycopy(item, 0, body, at, item.length);
      at += item.length;
    }
    body[at++] = ']';
    body[at] = '}';
    sink.send(200, "application/json", body, Map.of());
  }

  static String includeObject(ResourceContext ctx) {
    String value = ctx.request().queryParam("includeObject");
    return value == null || value.isEmpty() ? "Metadata" : value;
  }
}
