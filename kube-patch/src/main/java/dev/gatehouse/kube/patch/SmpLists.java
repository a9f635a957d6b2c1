package dev.gatehouse.kube.patch;

import static dev.gatehouse.kube.patch.SmpDirectives.DELETE;
import static dev.gatehouse.kube.patch.SmpDirectives.MERGE;
import static dev.gatehouse.kube.patch.SmpDirectives.PATCH;
import static dev.gatehouse.kube.patch.SmpDirectives.REPLACE;
import static dev.gatehouse.kube.patch.SmpDirectives.SET_ELEMENT_ORDER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * List merging of strategic merge patch: merge-key lists, scalar sets, "$patch" list elements, deletion lists and
 * the element order rules (upstream mergeSlice, mergePatchIntoOriginal, normalizeElementOrder).
 *
 * <p>Order of a merged list: the items named by the patch follow the patch's order (or {@code $setElementOrder}); the
 * server-only items keep their relative order and are interleaved by their position in the live list, placed before
 * the first patch item that comes later in the live list. Patch items that are new to the live list have no
 * position there, so they are placed before any remaining server-only items.
 */
final class SmpLists {
  private SmpLists() {}

  /** The merged items split into those the patch (or order list) names and the server-only ones. */
  private record Partition(List<JsonNode> patchItems, List<JsonNode> serverOnly) {}

  /**
   * A merged list, and what the caller's copy of the live list reads afterwards. Upstream deletes and appends in the
   * live list's backing array, so a caller that keeps the old slice (the {@code $setElementOrder} handling does, to
   * order server-only items) sees survivors shifted left and the first appended items in the freed slots. The
   * effect is deterministic (the backing array is at least as long as the list) and upstream's tests depend on it.
   */
  private record Merged(List<JsonNode> items, List<JsonNode> liveView) {}

  /** upstream mergeSliceHandler: merge lists (and deletion lists) merge, every other list is replaced. */
  static JsonNode mergeListField(JsonNode original, JsonNode patch, PatchSchema items, String strategy,
      String mergeKey, boolean deleteList) {
    return toArray(mergeListItems(original, patch, items, strategy, mergeKey, deleteList).items());
  }

  private static Merged mergeListItems(JsonNode original, JsonNode patch, PatchSchema items, String strategy,
      String mergeKey, boolean deleteList) {
    if (strategy.equals(MERGE) || deleteList) {
      return mergeList(elements(original), elements(patch), items, mergeKey, deleteList);
    }
    return new Merged(elements(SmpDirectives.sanitize(patch)), elements(original));
  }

  /** upstream mergeSlice. */
  private static Merged mergeList(List<JsonNode> original, List<JsonNode> patch, PatchSchema items,
      String mergeKey, boolean deleteList) {
    if (original.isEmpty() && patch.isEmpty()) {
      return new Merged(original, original);
    }
    List<JsonNode> view = new ArrayList<>(original);
    boolean maps = elementType(List.of(toArray(original), toArray(patch))).equals(GoJson.MAP_TYPE);
    List<JsonNode> merged;
    List<JsonNode> live = original;
    List<JsonNode> patchItems = patch;
    if (!maps) {
      if (deleteList) {
        return new Merged(without(original, patch), view);
      }
      merged = new ArrayList<>();
      for (JsonNode v : concat(original, patch)) {
        if (indexOf(merged, v, "", false) < 0) {
          merged.add(v);
        }
      }
    } else {
      if (mergeKey.isEmpty()) {
        throw SmpErrors.noMergeKeyDeclared(items);
      }
      live = new ArrayList<>(original);
      patchItems = new ArrayList<>();
      boolean replace = false;
      for (JsonNode v : patch) {
        JsonNode directive = v.get(PATCH);
        if (directive == null) {
          patchItems.add(v);
        } else if (directive.isTextual() && directive.asText().equals(DELETE)) {
          if (!v.has(mergeKey)) {
            throw SmpErrors.noMergeKey(v, mergeKey);
          }
          while (true) {
            int found = find(live, mergeKey, v.get(mergeKey));
            if (found < 0) {
              break;
            }
            live.remove(found);
            // append(s[:i], s[i+1:]...) shifts the tail left in place; the last slot keeps its old value.
            for (int i = found; i < live.size(); i++) {
              view.set(i, live.get(i));
            }
          }
        } else if (directive.isTextual() && directive.asText().equals(REPLACE)) {
          replace = true;
        } else if (directive.isTextual() && directive.asText().equals(MERGE)) {
          throw SmpErrors.listMergeDirective();
        } else {
          throw SmpErrors.badPatchType(directive, v);
        }
      }
      boolean appendsShareBacking = !replace;
      if (replace) {
        List<JsonNode> replacement = new ArrayList<>();
        for (JsonNode item : patchItems) {
          replacement.add(SmpDirectives.sanitize(item));
        }
        live = replacement;
        patchItems = List.of();
      }
      merged = new ArrayList<>(live);
      for (JsonNode v : patchItems) {
        if (!v.has(mergeKey)) {
          throw SmpErrors.noMergeKey(v, mergeKey);
        }
        int found = find(merged, mergeKey, v.get(mergeKey));
        if (found >= 0) {
          merged.set(found, StrategicMergePatch.mergeMap((ObjectNode) merged.get(found), (ObjectNode) v, items));
        } else {
          JsonNode added = SmpDirectives.sanitize(v);
          if (appendsShareBacking && merged.size() < view.size()) {
            view.set(merged.size(), added);
          }
          merged.add(added);
        }
      }
    }
    Partition partition = partition(merged, patchItems, mergeKey);
    return new Merged(normalizeOrder(partition, patchItems, live, mergeKey, maps), view);
  }

  /**
   * upstream mergePatchIntoOriginal: handles every "$setElementOrder/list" of the patch together with the list it
   * orders, and removes both from the patch.
   */
  static void mergeOrderedLists(ObjectNode original, ObjectNode patch, PatchSchema schema) {
    for (Map.Entry<String, JsonNode> entry : GoJson.entries(patch)) {
      String key = entry.getKey();
      if (!key.startsWith(SET_ELEMENT_ORDER) || !patch.has(key)) {
        continue;
      }
      JsonNode order = patch.remove(key);
      if (!order.isArray()) {
        throw SmpErrors.badArgType(GoJson.SLICE_TYPE, order);
      }
      String listKey = SmpDirectives.listName(key, SET_ELEMENT_ORDER);
      JsonNode originalList = original.get(listKey);
      JsonNode patchList = patch.get(listKey);
      if (originalList != null && !originalList.isArray()) {
        throw SmpErrors.badArgType(GoJson.SLICE_TYPE, originalList);
      }
      if (patchList != null && !patchList.isArray()) {
        throw SmpErrors.badArgType(GoJson.SLICE_TYPE, patchList);
      }
      PatchSchema field = schema.field(listKey);
      PatchMeta meta = field.patchMeta();
      String strategy = SmpDirectives.otherStrategy(meta);
      String mergeKey = meta.mergeKey();
      List<JsonNode> orderItems = elements(order);
      List<JsonNode> live = originalList == null ? List.of() : elements(originalList);
      checkOrderMatchesPatch(patchList, order, mergeKey);

      List<JsonNode> merged;
      if (originalList != null && patchList == null) {
        merged = live;
      } else if (originalList == null && patchList != null) {
        merged = elements(SmpDirectives.added(patchList));
      } else if (originalList != null) {
        Merged result = mergeListItems(originalList, patchList, field.items(), strategy, mergeKey, false);
        merged = result.items();
        live = result.liveView();
      } else {
        continue;
      }
      Partition partition = partition(merged, orderItems, mergeKey);
      boolean maps = elementType(List.of(
          originalList == null ? toArray(List.of()) : originalList,
          patchList == null ? toArray(List.of()) : patchList)).equals(GoJson.MAP_TYPE);
      original.set(listKey, toArray(normalizeOrder(partition, orderItems, live, mergeKey, maps)));
      patch.remove(listKey);
    }
  }

  /**
   * upstream validatePatchWithSetOrderList: the items of the patch list (deletions and directive items aside) must
   * appear in the "$setElementOrder" list, in the same relative order.
   */
  private static void checkOrderMatchesPatch(JsonNode patchList, JsonNode order, String mergeKey) {
    if (patchList == null || patchList.isEmpty() || order.isEmpty()) {
      return;
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode v : patchList) {
      if (mergeKey.isEmpty()) {
        items.add(v);
      } else if (!v.isObject()) {
        throw SmpErrors.badArgType(GoJson.MAP_TYPE, v);
      } else if (!SmpDirectives.hasDirective(v, DELETE)) {
        items.add(v);
      }
    }
    int p = 0;
    int o = 0;
    while (p < items.size() && o < order.size()) {
      JsonNode item = items.get(p);
      if (item.isObject() && item.has(PATCH)) {
        p++;
        continue;
      }
      if (mergeKeyValueEqual(item, order.get(o), mergeKey)) {
        p++;
      }
      o++;
    }
    if (p < items.size() && o >= order.size()) {
      throw SmpErrors.orderMismatch(patchList, order);
    }
  }

  private static boolean mergeKeyValueEqual(JsonNode left, JsonNode right, String mergeKey) {
    if (mergeKey.isEmpty()) {
      return GoJson.scalarEquals(left, right);
    }
    if (!left.isObject()) {
      throw SmpErrors.badArgType(GoJson.MAP_TYPE, left);
    }
    if (!right.isObject()) {
      throw SmpErrors.badArgType(GoJson.MAP_TYPE, right);
    }
    if (!left.has(mergeKey)) {
      throw SmpErrors.noMergeKey(left, mergeKey);
    }
    if (!right.has(mergeKey)) {
      throw SmpErrors.noMergeKey(right, mergeKey);
    }
    return GoJson.scalarEquals(left.get(mergeKey), right.get(mergeKey));
  }

  /** Splits the merged items into those the patch (or order list) names and the server-only ones. */
  private static Partition partition(List<JsonNode> merged, List<JsonNode> named, String mergeKey) {
    List<JsonNode> patchItems = new ArrayList<>();
    List<JsonNode> serverOnly = new ArrayList<>();
    for (JsonNode v : merged) {
      boolean inPatch;
      if (mergeKey.isEmpty()) {
        inPatch = indexOf(named, v, "", false) >= 0;
      } else {
        if (!v.isObject()) {
          throw SmpErrors.badArgType(GoJson.MAP_TYPE, v);
        }
        if (!v.has(mergeKey)) {
          throw SmpErrors.noMergeKey(v, mergeKey);
        }
        inPatch = find(named, mergeKey, v.get(mergeKey)) >= 0;
      }
      (inPatch ? patchItems : serverOnly).add(v);
    }
    return new Partition(patchItems, serverOnly);
  }

  /**
   * upstream normalizeElementOrder: sorts the patch items by the patch order and the server-only items by the live
   * order, then interleaves them.
   */
  private static List<JsonNode> normalizeOrder(Partition partition, List<JsonNode> patchOrder, List<JsonNode> live,
      String mergeKey, boolean maps) {
    List<JsonNode> patchItems = sortBy(partition.patchItems(), patchOrder, mergeKey, maps);
    List<JsonNode> serverOnly = sortBy(partition.serverOnly(), live, mergeKey, maps);
    List<JsonNode> out = new ArrayList<>(patchItems.size() + serverOnly.size());
    int i = 0;
    int j = 0;
    while (i < serverOnly.size() || j < patchItems.size()) {
      if (j >= patchItems.size()) {
        out.add(serverOnly.get(i++));
      } else if (i >= serverOnly.size()) {
        out.add(patchItems.get(j++));
      } else {
        int left = indexOf(live, serverOnly.get(i), mergeKey, maps);
        int right = indexOf(live, patchItems.get(j), mergeKey, maps);
        // A server-only item goes first only if both are in the live list and it came first there.
        if (left >= 0 && right >= 0 && left < right) {
          out.add(serverOnly.get(i++));
        } else {
          out.add(patchItems.get(j++));
        }
      }
    }
    return out;
  }

  /** upstream normalizeSliceOrder: a stable sort by position in order; "$patch: delete" maps go last. */
  private static List<JsonNode> sortBy(List<JsonNode> items, List<JsonNode> order, String mergeKey, boolean maps) {
    List<JsonNode> toSort = new ArrayList<>();
    List<JsonNode> deletions = new ArrayList<>();
    if (maps) {
      for (List<JsonNode> list : List.of(items, order)) {
        for (JsonNode v : list) {
          if (!v.isObject()) {
            throw SmpErrors.badArgType(GoJson.MAP_TYPE, v);
          }
          if (!v.has(mergeKey)) {
            throw SmpErrors.noMergeKey(v, mergeKey);
          }
        }
      }
      for (JsonNode v : items) {
        (SmpDirectives.hasDirective(v, DELETE) ? deletions : toSort).add(v);
      }
    } else {
      toSort.addAll(items);
    }
    List<JsonNode> sorted = new ArrayList<>(toSort);
    sorted.sort((a, b) -> Integer.compare(indexOf(order, a, mergeKey, maps), indexOf(order, b, mergeKey, maps)));
    sorted.addAll(deletions);
    return sorted;
  }

  /** upstream index: position of the item (by merge key value for maps), or -1. */
  private static int indexOf(List<JsonNode> list, JsonNode item, String mergeKey, boolean maps) {
    JsonNode wanted = maps ? item.get(mergeKey) : item;
    for (int i = 0; i < list.size(); i++) {
      JsonNode candidate = maps ? list.get(i).get(mergeKey) : list.get(i);
      if (GoJson.scalarEquals(wanted, candidate)) {
        return i;
      }
    }
    return -1;
  }

  /** upstream findMapInSliceBasedOnKeyValue: the first map whose merge key has the value, or -1. */
  private static int find(List<JsonNode> list, String mergeKey, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode v = list.get(i);
      if (!v.isObject()) {
        throw SmpErrors.notAMap(i);
      }
      if (v.has(mergeKey) && GoJson.scalarEquals(v.get(mergeKey), value)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * upstream sliceElementType: the Go type shared by all elements of the lists; lists of lists and mixed lists are
   * errors.
   */
  static String elementType(List<JsonNode> lists) {
    String type = null;
    boolean first = true;
    for (JsonNode list : lists) {
      for (JsonNode v : list) {
        String current = GoJson.typeOf(v);
        if (first) {
          first = false;
          type = current;
          if (GoJson.SLICE_TYPE.equals(current)) {
            throw SmpErrors.listOfLists();
          }
          if (current == null) {
            // Go panics on a leading nil element; report it as the type mismatch it is.
            throw SmpErrors.elementTypesDiffer(lists);
          }
        } else if (!type.equals(current)) {
          throw SmpErrors.elementTypesDiffer(lists);
        }
      }
    }
    if (type == null) {
      throw SmpErrors.noElements();
    }
    return type;
  }

  private static List<JsonNode> without(List<JsonNode> current, List<JsonNode> toDelete) {
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode v : current) {
      if (indexOf(toDelete, v, "", false) < 0) {
        kept.add(v);
      }
    }
    return kept;
  }

  private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
    List<JsonNode> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>(array.size());
    array.forEach(out::add);
    return out;
  }

  private static ArrayNode toArray(List<JsonNode> items) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(items.size());
    array.addAll(items);
    return array;
  }
}
