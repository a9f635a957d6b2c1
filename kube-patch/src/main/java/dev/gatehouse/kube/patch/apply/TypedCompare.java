package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** upstream typed Compare: the fields removed, modified and added between two values of one type. */
final class TypedCompare {
  private TypedCompare() {}

  /** The result of a comparison; each set is a field set. */
  record Comparison(FieldSet removed, FieldSet modified, FieldSet added) {
    Comparison excluding(FieldSet ignored) {
      if (ignored == null || ignored.isEmpty()) {
        return this;
      }
      return new Comparison(removed.recursiveDifference(ignored), modified.recursiveDifference(ignored),
          added.recursiveDifference(ignored));
    }

    boolean isSame() {
      return removed.isEmpty() && modified.isEmpty() && added.isEmpty();
    }
  }

  static Comparison compare(JsonNode lhs, JsonNode rhs, SsaType type) {
    Comparison out = new Comparison(new FieldSet(), new FieldSet(), new FieldSet());
    compare(lhs, rhs, type, new ArrayList<>(), out);
    return out;
  }

  private static void compare(JsonNode lhs, JsonNode rhs, SsaType type, List<PathElement> path, Comparison out) {
    Typed.Atom atom = rhs != null ? Typed.atom(type, rhs) : Typed.atom(type, lhs);
    boolean leaf = switch (atom) {
      case LEAF -> true;
      case LIST -> compareList(lhs, rhs, type, path, out);
      case MAP -> compareMap(lhs, rhs, type, path, out);
    };
    if (leaf) {
      if (lhs == null) {
        out.added().insert(path);
      } else if (rhs == null) {
        out.removed().insert(path);
      } else if (!SmdValues.equal(lhs, rhs)) {
        out.modified().insert(path);
      }
    } else if (lhs == null) {
      out.added().insert(path);
    } else if (rhs == null) {
      out.removed().insert(path);
    }
  }

  /** Returns true when the map is compared as a leaf. */
  private static boolean compareMap(JsonNode lhs, JsonNode rhs, SsaType type, List<PathElement> path,
      Comparison out) {
    JsonNode left = Typed.asMap(lhs);
    JsonNode right = Typed.asMap(rhs);
    boolean bothEmpty = (left == null || left.isEmpty()) && (right == null || right.isEmpty());
    if (type.mapAtomic() || bothEmpty) {
      return true;
    }
    Set<String> keys = new LinkedHashSet<>();
    if (left != null) {
      left.fieldNames().forEachRemaining(keys::add);
    }
    if (right != null) {
      right.fieldNames().forEachRemaining(keys::add);
    }
    for (String key : keys) {
      path.add(PathElement.field(key));
      compare(left == null ? null : left.get(key), right == null ? null : right.get(key), type.field(key), path, out);
      path.remove(path.size() - 1);
    }
    return false;
  }

  /** Returns true when the list is compared as a leaf. */
  private static boolean compareList(JsonNode lhs, JsonNode rhs, SsaType type, List<PathElement> path,
      Comparison out) {
    JsonNode left = Typed.asList(lhs);
    JsonNode right = Typed.asList(rhs);
    boolean bothEmpty = (left == null || left.isEmpty()) && (right == null || right.isEmpty());
    if (type.listAtomic() || bothEmpty) {
      return true;
    }
    Map<PathElement, List<JsonNode>> lValues = group(type, left);
    Map<PathElement, List<JsonNode>> rValues = group(type, right);
    Set<PathElement> all = new LinkedHashSet<>(lValues.keySet());
    all.addAll(rValues.keySet());
    for (PathElement pe : all) {
      List<JsonNode> l = lValues.getOrDefault(pe, List.of());
      List<JsonNode> r = rValues.getOrDefault(pe, List.of());
      path.add(pe);
      if (l.size() <= 1 && r.size() <= 1) {
        compare(l.isEmpty() ? null : l.get(0), r.isEmpty() ? null : r.get(0), type.element(), path, out);
      } else if (l.size() >= 2 && r.size() >= 2) {
        if (!sameItems(l, r)) {
          out.modified().insert(path);
        }
      } else if (l.size() >= 2) {
        if (!r.isEmpty()) {
          compare(null, r.get(0), type.element(), path, out);
        }
        out.removed().insert(path);
      } else {
        if (!l.isEmpty()) {
          compare(l.get(0), null, type.element(), path, out);
        }
        out.added().insert(path);
      }
      path.remove(path.size() - 1);
    }
    return false;
  }

  private static Map<PathElement, List<JsonNode>> group(SsaType type, JsonNode list) {
    Map<PathElement, List<JsonNode>> out = new LinkedHashMap<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        PathElement pe = Typed.itemElement(type, list.get(i), List.of(), i);
        out.computeIfAbsent(pe, k -> new ArrayList<>()).add(list.get(i));
      }
    }
    return out;
  }

  private static boolean sameItems(List<JsonNode> a, List<JsonNode> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!SmdValues.equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
