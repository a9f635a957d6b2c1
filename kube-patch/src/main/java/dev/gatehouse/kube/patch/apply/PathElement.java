package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a field path (structured-merge-diff fieldpath.PathElement): a field name, the key fields of an
 * associative-list item, the value of a set item, or a list index. Elements order as upstream: field names first,
 * then keys, values and indices; the order decides how FieldsV1 is written.
 */
final class PathElement implements Comparable<PathElement> {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Kind { FIELD, KEY, VALUE, INDEX }

  /** One key field of an associative-list item. */
  record KeyField(String name, JsonNode value) {}

  private final Kind kind;
  private final String name;
  private final List<KeyField> key;
  private final JsonNode value;
  private final int index;

  private PathElement(Kind kind, String name, List<KeyField> key, JsonNode value, int index) {
    this.kind = kind;
    this.name = name;
    this.key = key;
    this.value = value;
    this.index = index;
  }

  static PathElement field(String name) {
    return new PathElement(Kind.FIELD, Objects.requireNonNull(name), null, null, 0);
  }

  /** The key of an associative-list item; the fields are sorted by name. */
  static PathElement key(List<KeyField> fields) {
    List<KeyField> sorted = new ArrayList<>();
    fields.forEach(f -> sorted.add(new KeyField(f.name(), SmdValues.normalize(f.value()))));
    sorted.sort(Comparator.comparing(KeyField::name));
    return new PathElement(Kind.KEY, null, List.copyOf(sorted), null, 0);
  }

  static PathElement value(JsonNode value) {
    return new PathElement(Kind.VALUE, null, null, SmdValues.normalize(value), 0);
  }

  static PathElement index(int index) {
    return new PathElement(Kind.INDEX, null, null, null, index);
  }

  Kind kind() {
    return kind;
  }

  /** The field name; only for {@link Kind#FIELD}. */
  String name() {
    return name;
  }

  boolean isField() {
    return kind == Kind.FIELD;
  }

  @Override
  public int compareTo(PathElement o) {
    if (kind != o.kind) {
      return Integer.compare(kind.ordinal(), o.kind.ordinal());
    }
    return switch (kind) {
      case FIELD -> name.compareTo(o.name);
      case KEY -> compareKeys(key, o.key);
      case VALUE -> SmdValues.compare(value, o.value);
      case INDEX -> Integer.compare(index, o.index);
    };
  }

  private static int compareKeys(List<KeyField> a, List<KeyField> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).name().compareTo(b.get(i).name());
      if (c != 0) {
        return c;
      }
      c = SmdValues.compare(a.get(i).value(), b.get(i).value());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathElement other && compareTo(other) == 0;
  }

  @Override
  public int hashCode() {
    return switch (kind) {
      case FIELD -> name.hashCode();
      case KEY -> key.stream().mapToInt(f -> f.name().hashCode()).sum();
      case VALUE -> 31;
      case INDEX -> index;
    };
  }

  /** The form upstream prints in conflict messages: {@code .name}, {@code [k="v"]}, {@code [=v]}, {@code [3]}. */
  @Override
  public String toString() {
    return switch (kind) {
      case FIELD -> "." + name;
      case KEY -> {
        List<String> parts = new ArrayList<>();
        key.forEach(f -> parts.add(f.name() + "=" + SmdValues.toString(f.value())));
        yield "[" + String.join(",", parts) + "]";
      }
      case VALUE -> "[=" + SmdValues.toString(value) + "]";
      case INDEX -> "[" + index + "]";
    };
  }

  /** The FieldsV1 member name: {@code f:name}, {@code k:{"name":"x"}}, {@code v:"x"}, {@code i:3}. */
  String serialize() {
    return switch (kind) {
      case FIELD -> "f:" + name;
      case KEY -> {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        key.forEach(f -> object.set(f.name(), f.value()));
        yield "k:" + compact(object);
      }
      case VALUE -> "v:" + compact(value);
      case INDEX -> "i:" + index;
    };
  }

  /**
   * Parses a FieldsV1 member name; null for a type upstream does not know (it skips those).
   *
   * @throws IllegalArgumentException for a malformed name
   */
  static PathElement parse(String s) {
    if (s.length() < 2) {
      throw new IllegalArgumentException("key must be 2 characters long:");
    }
    if (s.charAt(1) != ':') {
      throw new IllegalArgumentException("missing colon: " + s);
    }
    String rest = s.substring(2);
    return switch (s.charAt(0)) {
      case 'f' -> field(rest);
      case 'v' -> value(readJson(rest));
      case 'k' -> {
        JsonNode object = readJson(rest);
        if (!object.isObject()) {
          throw new IllegalArgumentException("key is not an object: " + s);
        }
        List<KeyField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
          fields.add(new KeyField(e.getKey(), e.getValue()));
        }
        yield key(fields);
      }
      case 'i' -> {
        try {
          yield index(Integer.parseInt(rest));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad index: " + s, e);
        }
      }
      default -> null;
    };
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad JSON in path element: " + text, e);
    }
  }

  /** Compact JSON with Go's HTML escaping, as the Go JSON writers upstream uses produce it. */
  static String compact(JsonNode node) {
    try {
      String json = JSON.writeValueAsString(node);
      return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
