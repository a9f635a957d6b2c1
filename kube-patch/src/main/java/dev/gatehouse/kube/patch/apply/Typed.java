package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed-value walks of structured-merge-diff (typed package): validation, the field set of a value, removing a
 * field set from a value. Merging and comparing live in {@link TypedMerge} and {@link TypedCompare}.
 *
 * <p>A Java {@code null} stands for an absent value (Go's nil Value); a JSON null is a value.
 */
final class Typed {
  private Typed() {}

  /** Which part of a type handles a value (upstream deduceAtom + handleAtom). */
  enum Atom { MAP, LIST, LEAF }

  /** A value that does not fit its schema (upstream ValidationError: {@code <path>: <message>}). */
  static final class InvalidValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidValue(List<PathElement> path, String message) {
      super(path.isEmpty() ? message : FieldSet.pathString(path) + ": " + message, null, false, false);
    }
  }

  static Atom atom(SsaType type, JsonNode value) {
    if (value == null || value.isNull()) {
      if (type.hasMap()) {
        return Atom.MAP;
      }
      return !type.hasScalar() && type.hasList() ? Atom.LIST : Atom.LEAF;
    }
    if (value.isObject()) {
      return type.hasMap() ? Atom.MAP : Atom.LEAF;
    }
    if (value.isArray()) {
      return type.hasList() ? Atom.LIST : Atom.LEAF;
    }
    return Atom.LEAF;
  }

  /** The object of a map-handled value, or null for null / non-objects (upstream derefMap ignoring errors). */
  static JsonNode asMap(JsonNode value) {
    return value != null && value.isObject() ? value : null;
  }

  static JsonNode asList(JsonNode value) {
    return value != null && value.isArray() ? value : null;
  }

  /** The path element naming a list item (upstream listItemToPathElement). */
  static PathElement itemElement(SsaType list, JsonNode child, List<PathElement> path, int index) {
    List<String> keys = list.listKeys();
    if (!keys.isEmpty()) {
      if (child.isNull()) {
        throw new InvalidValue(path, "element " + index + ": associative list with keys may not have a null element");
      }
      if (!child.isObject()) {
        throw new InvalidValue(path,
            "element " + index + ": associative list with keys may not have non-map elements");
      }
      List<PathElement.KeyField> fields = new ArrayList<>();
      for (String key : keys) {
        JsonNode value = child.get(key);
        if (value == null) {
          value = list.element().keyDefault(key);
        }
        if (value == null) {
          throw new InvalidValue(path, "element " + index + ": associative list with keys has an element that omits"
              + " key field " + SmdValues.goQuote(key) + " (and doesn't have default value)");
        }
        fields.add(new PathElement.KeyField(key, value));
      }
      return PathElement.key(fields);
    }
    if (child.isObject()) {
      throw new InvalidValue(path, "element " + index + ": associative list without keys has an element that's a map type");
    }
    if (child.isArray()) {
      throw new InvalidValue(path, "element " + index + ": not supported: associative list with lists as elements");
    }
    if (child.isNull()) {
      throw new InvalidValue(path,
          "element " + index + ": associative list without keys has an element that's an explicit null");
    }
    return PathElement.value(child);
  }

  /** Checks every associative list item can be named; duplicates are an error unless allowed (live objects). */
  static void validate(JsonNode value, SsaType type, boolean allowDuplicates) {
    validate(value, type, allowDuplicates, new ArrayList<>());
  }

  private static void validate(JsonNode value, SsaType type, boolean allowDuplicates, List<PathElement> path) {
    switch (atom(type, value)) {
      case LEAF -> { }
      case MAP -> {
        JsonNode map = asMap(value);
        if (map == null || type.mapAtomic()) {
          return;
        }
        for (Map.Entry<String, JsonNode> e : map.properties()) {
          path.add(PathElement.field(e.getKey()));
          validate(e.getValue(), type.field(e.getKey()), allowDuplicates, path);
          path.remove(path.size() - 1);
        }
      }
      case LIST -> {
        JsonNode list = asList(value);
        if (list == null || type.listAtomic()) {
          return;
        }
        Set<PathElement> seen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          PathElement pe = itemElement(type, list.get(i), path, i);
          if (!seen.add(pe) && !allowDuplicates) {
            throw new InvalidValue(path, "duplicate entries for key " + pe);
          }
          path.add(pe);
          validate(list.get(i), type.element(), allowDuplicates, path);
          path.remove(path.size() - 1);
        }
      }
    }
  }

  /** upstream ToFieldSet: the leaves, list items, map keys and null or empty fields a value sets. */
  static FieldSet toFieldSet(JsonNode value, SsaType type) {
    FieldSet set = new FieldSet();
    toFieldSet(value, type, new ArrayList<>(), set);
    return set;
  }

  private static void toFieldSet(JsonNode value, SsaType type, List<PathElement> path, FieldSet set) {
    switch (atom(type, value)) {
      case LEAF -> set.insert(path);
      case LIST -> {
        if (type.listAtomic()) {
          set.insert(path);
          return;
        }
        JsonNode list = asList(value);
        if (list == null) {
          return;
        }
        List<PathElement> elements = new ArrayList<>();
        Map<PathElement, Integer> counts = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
          PathElement pe = itemElement(type, list.get(i), path, i);
          elements.add(pe);
          counts.merge(pe, 1, Integer::sum);
        }
        // A duplicated item is owned as a whole, without descending into it.
        for (PathElement pe : new LinkedHashSet<>(elements)) {
          if (counts.get(pe) > 1) {
            set.insert(append(path, pe));
          }
        }
        for (int i = 0; i < list.size(); i++) {
          PathElement pe = elements.get(i);
          if (counts.get(pe) > 1) {
            continue;
          }
          List<PathElement> child = append(path, pe);
          toFieldSet(list.get(i), type.element(), child, set);
          set.insert(child);
        }
      }
      case MAP -> {
        if (type.mapAtomic()) {
          set.insert(path);
          return;
        }
        JsonNode map = asMap(value);
        if (map == null) {
          return;
        }
        for (Map.Entry<String, JsonNode> e : map.properties()) {
          List<PathElement> child = append(path, PathElement.field(e.getKey()));
          JsonNode v = e.getValue();
          toFieldSet(v, type.field(e.getKey()), child, set);
          if (v.isNull() || v.isObject() && v.isEmpty() || !type.declaresField(e.getKey())) {
            set.insert(child);
          }
        }
      }
    }
  }

  /** upstream RemoveItems: the value without the fields of the set; null when nothing is left. */
  static JsonNode removeItems(JsonNode value, FieldSet toRemove, SsaType type) {
    switch (atom(type, value)) {
      case LEAF:
        return value;
      case LIST: {
        JsonNode list = asList(value);
        if (list == null || list.isEmpty() || type.listAtomic()) {
          return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < list.size(); i++) {
          JsonNode item = list.get(i);
          PathElement pe = itemElement(type, item, List.of(), i);
          if (toRemove.hasMember(pe)) {
            continue;
          }
          FieldSet below = toRemove.child(pe);
          if (!below.isEmpty()) {
            item = nullToJson(removeItems(item, below, type.element()));
          }
          out.add(item);
        }
        return out.isEmpty() ? null : out;
      }
      case MAP:
      default: {
        JsonNode map = asMap(value);
        if (map == null || map.isEmpty() || type.mapAtomic()) {
          return null;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
          PathElement pe = PathElement.field(e.getKey());
          if (toRemove.hasMember(pe)) {
            continue;
          }
          JsonNode v = e.getValue();
          FieldSet below = toRemove.child(pe);
          if (!below.isEmpty()) {
            v = nullToJson(removeItems(v, below, type.field(e.getKey())));
          }
          out.set(e.getKey(), v);
        }
        return out.isEmpty() ? null : out;
      }
    }
  }

  private static JsonNode nullToJson(JsonNode v) {
    return v == null ? JsonNodeFactory.instance.nullNode() : v;
  }

  static List<PathElement> append(List<PathElement> path, PathElement pe) {
    List<PathElement> out = new ArrayList<>(path.size() + 1);
    out.addAll(path);
    out.add(pe);
    return out;
  }
}
