package dev.gatehouse.aws.api;

import dev.gatehouse.aws.protocol.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A builder for result structures in the order the service model lists their members. Null values are left
 * out, as AWS leaves out absent optional members.
 */
public final class Shape {
  private final LinkedHashMap<String, Node> fields = new LinkedHashMap<>();

  public static Shape struct() {
    return new Shape();
  }

  public Shape str(String name, String value) {
    if (value != null) {
      fields.put(name, new Node.Str(value));
    }
    return this;
  }

  public Shape time(String name, Instant value) {
    if (value != null) {
      fields.put(name, new Node.Timestamp(value));
    }
    return this;
  }

  public Shape bool(String name, boolean value) {
    fields.put(name, new Node.Bool(value));
    return this;
  }

  public Shape integer(String name, long value) {
    fields.put(name, new Node.Int(value));
    return this;
  }

  public Shape child(String name, Shape value) {
    if (value != null) {
      fields.put(name, value.toNode());
    }
    return this;
  }

  public Shape strings(String name, List<String> values) {
    fields.put(name, new Node.MemberList(values.stream().<Node>map(Node.Str::new).toList()));
    return this;
  }

  public <T> Shape list(String name, List<T> items, Function<T, Shape> render) {
    List<Node> nodes = new ArrayList<>(items.size());
    for (T item : items) {
      nodes.add(render.apply(item).toNode());
    }
    fields.put(name, new Node.MemberList(nodes));
    return this;
  }

  /** A map member ({@code <entry><key>…</key><value>…</value></entry>}). */
  public Shape map(String name, Map<String, String> entries) {
    LinkedHashMap<String, Node> values = new LinkedHashMap<>();
    entries.forEach((k, v) -> values.put(k, new Node.Str(v)));
    fields.put(name, new Node.MapEntries(values));
    return this;
  }

  /** Marker + IsTruncated as IAM's paginated lists return them. */
  public Shape page(Page<?> page) {
    bool("IsTruncated", page.truncated());
    str("Marker", page.marker());
    return this;
  }

  public Node toNode() {
    return new Node.Struct(new LinkedHashMap<>(fields));
  }
}
