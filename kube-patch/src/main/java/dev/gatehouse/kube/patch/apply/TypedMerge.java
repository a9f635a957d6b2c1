package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * upstream typed Merge with the keep-right-hand-side rule: the applied configuration (rhs) wins at every leaf,
 * granular maps and associative lists merge item by item, atomic ones are taken whole.
 *
 * <p>Merged associative lists keep the live order, except that the items both sides share follow the applied
 * order, and applied items new to the live list come right after the shared item that precedes them in the applied
 * list (upstream visitListItems).
 */
final class TypedMerge {
  private TypedMerge() {}

  /** The merge of live (lhs) and applied (rhs); null when neither yields anything. */
  static JsonNode merge(JsonNode lhs, JsonNode rhs, SsaType type) {
    Typed.Atom atom = rhs != null ? Typed.atom(type, rhs) : Typed.atom(type, lhs);
    return switch (atom) {
      case LEAF -> leaf(lhs, rhs);
      case LIST -> mergeList(lhs, rhs, type);
      case MAP -> mergeMap(lhs, rhs, type);
    };
  }

  private static JsonNode leaf(JsonNode lhs, JsonNode rhs) {
    return rhs != null ? rhs.deepCopy() : lhs == null ? null : lhs.deepCopy();
  }

  private static JsonNode mergeMap(JsonNode lhs, JsonNode rhs, SsaType type) {
    JsonNode left = Typed.asMap(lhs);
    JsonNode right = Typed.asMap(rhs);
    boolean bothEmpty = (left == null || left.isEmpty()) && (right == null || right.isEmpty());
    if (type.mapAtomic() || bothEmpty) {
      return leaf(lhs, rhs);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Set<String> keys = new LinkedHashSet<>();
    if (left != null) {
      left.fieldNames().forEachRemaining(keys::add);
    }
    if (right != null) {
      right.fieldNames().forEachRemaining(keys::add);
    }
    for (String key : keys) {
      JsonNode merged = merge(left == null ? null : left.get(key), right == null ? null : right.get(key),
          type.field(key));
      if (merged != null) {
        out.set(key, merged);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static JsonNode mergeList(JsonNode lhs, JsonNode rhs, SsaType type) {
    JsonNode left = Typed.asList(lhs);
    JsonNode right = Typed.asList(rhs);
    boolean bothEmpty = (left == null || left.isEmpty()) && (right == null || right.isEmpty());
    if (type.listAtomic() || bothEmpty) {
      return leaf(lhs, rhs);
    }
    List<PathElement> rhsPes = elements(type, right);
    List<PathElement> lhsPes = elements(type, left);
    Map<PathElement, JsonNode> observedRhs = observe(rhsPes, right);
    Map<PathElement, JsonNode> observedLhs = observe(lhsPes, left);

    List<PathElement> sharedOrder = new ArrayList<>();
    for (PathElement pe : rhsPes) {
      if (observedLhs.containsKey(pe)) {
        sharedOrder.add(pe);
      }
    }
    int sharedIndex = 0;
    PathElement nextShared = sharedIndex < sharedOrder.size() ? sharedOrder.get(sharedIndex++) : null;

    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    Set<PathElement> mergedRhs = new HashSet<>();
    int li = 0;
    int ri = 0;
    while (li < lhsPes.size() || ri < rhsPes.size()) {
      if (li < lhsPes.size() && ri < rhsPes.size()) {
        PathElement pe = lhsPes.get(li);
        if (pe.equals(rhsPes.get(ri))) {
          mergedRhs.add(pe);
          add(out, merge(observedLhs.get(pe), observedRhs.get(pe), type.element()));
          li++;
          ri++;
          nextShared = sharedIndex < sharedOrder.size() ? sharedOrder.get(sharedIndex++) : null;
          continue;
        }
        if (observedRhs.containsKey(pe) && nextShared != null && !nextShared.equals(pe)) {
          // A shared item, but not the one due in this round: the applied order decides where it goes.
          li++;
          continue;
        }
      }
      if (li < lhsPes.size()) {
        PathElement pe = lhsPes.get(li);
        if (!observedRhs.containsKey(pe)) {
          add(out, merge(left.get(li), null, type.element()));
          li++;
          continue;
        } else if (mergedRhs.contains(pe)) {
          li++;
        }
      }
      if (ri < rhsPes.size()) {
        PathElement pe = rhsPes.get(ri);
        mergedRhs.add(pe);
        add(out, merge(observedLhs.get(pe), observedRhs.get(pe), type.element()));
        ri++;
        if (nextShared != null && nextShared.equals(pe)) {
          nextShared = sharedIndex < sharedOrder.size() ? sharedOrder.get(sharedIndex++) : null;
        }
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static void add(ArrayNode out, JsonNode item) {
    if (item != null) {
      out.add(item);
    }
  }

  private static List<PathElement> elements(SsaType type, JsonNode list) {
    List<PathElement> out = new ArrayList<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        out.add(Typed.itemElement(type, list.get(i), List.of(), i));
      }
    }
    return out;
  }

  /** Items by element; an element seen twice maps to JSON null, so duplicates are not merged. */
  private static Map<PathElement, JsonNode> observe(List<PathElement> pes, JsonNode list) {
    Map<PathElement, JsonNode> observed = new HashMap<>();
    for (int i = 0; i < pes.size(); i++) {
      if (observed.containsKey(pes.get(i))) {
        observed.put(pes.get(i), JsonNodeFactory.instance.nullNode());
      } else {
        observed.put(pes.get(i), list.get(i));
      }
    }
    return observed;
  }
}
