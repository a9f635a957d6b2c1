package dev.gatehouse.kube.patch;

import static dev.gatehouse.kube.patch.SmpDirectives.DELETE;
import static dev.gatehouse.kube.patch.SmpDirectives.DELETE_FROM_PRIMITIVE_LIST;
import static dev.gatehouse.kube.patch.SmpDirectives.PATCH;
import static dev.gatehouse.kube.patch.SmpDirectives.REPLACE;
import static dev.gatehouse.kube.patch.SmpDirectives.RETAIN_KEYS;
import static dev.gatehouse.kube.patch.SmpDirectives.SET_ELEMENT_ORDER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch as kube-apiserver 1.32 applies {@code application/strategic-merge-patch+json}
 * (apimachinery pkg/util/strategicpatch StrategicMergeMapPatch, server-side options: parallel lists merged, unmatched
 * nulls ignored).
 *
 * <ul>
 *   <li>Maps merge key by key; a null value deletes the key.
 *   <li>Lists whose field declares strategy {@code merge} merge by the declared merge key (lists of maps) or as sets
 *       (lists of scalars); every other list is replaced. Merged lists keep upstream's order: the patch's items in
 *       patch order, the server-only items in their order, interleaved as upstream does; {@code
 *       $setElementOrder/<list>} overrides the order of the items it names.
 *   <li>Directives: {@code $patch: replace|delete} on maps and list elements, {@code $retainKeys},
 *       {@code $setElementOrder/<list>}, {@code $deleteFromPrimitiveList/<list>}. As upstream, {@code $patch: merge}
 *       is rejected (on a map as an unknown patch type, in a list as not supported yet).
 * </ul>
 *
 * The result never contains directive keys or null members added by the patch (upstream leaves a few in and relies
 * on decoding into the Go type to drop them).
 */
public final class StrategicMergePatch {
  private StrategicMergePatch() {}

  /**
   * Applies the patch to a copy of the original (null means an empty object) using the schema of the original's type;
   * {@link PatchSchema#opaque()} when the type is unknown.
   */
  public static JsonNode apply(JsonNode original, JsonNode patch, PatchSchema schema) {
    ObjectNode base;
    if (GoJson.isNil(original)) {
      base = JsonNodeFactory.instance.objectNode();
    } else if (original.isObject()) {
      base = original.deepCopy();
    } else {
      throw SmpErrors.badJsonDoc();
    }
    if (GoJson.isNil(patch)) {
      return base;
    }
    if (!patch.isObject()) {
      throw PatchException.badRequest("json: cannot unmarshal " + JsonPatch.jsonKind(patch)
          + " into Go value of type map[string]interface {}");
    }
    return mergeMap(base, (ObjectNode) patch.deepCopy(), schema == null ? PatchSchema.opaque() : schema);
  }

  /** upstream mergeMap. Both arguments are private copies and are modified. */
  static ObjectNode mergeMap(ObjectNode original, ObjectNode patch, PatchSchema schema) {
    JsonNode directive = patch.get(PATCH);
    if (directive != null) {
      return mapDirective(directive, patch);
    }
    applyRetainKeys(original, patch);
    SmpLists.mergeOrderedLists(original, patch, schema);

    for (Map.Entry<String, JsonNode> entry : GoJson.entries(patch)) {
      String key = entry.getKey();
      JsonNode patchValue = entry.getValue();
      boolean deleteList = key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
      if (deleteList) {
        key = SmpDirectives.listName(key, DELETE_FROM_PRIMITIVE_LIST);
      }
      if (patchValue.isNull()) {
        // Even "$deleteFromPrimitiveList/x: null" removes x: upstream checks null after renaming the key.
        original.remove(key);
        continue;
      }
      JsonNode originalValue = original.get(key);
      if (originalValue == null || !GoJson.sameType(originalValue, patchValue)) {
        if (!deleteList) {
          putAdded(original, key, patchValue);
        }
        continue;
      }
      if (originalValue.isObject()) {
        PatchSchema field = schema.field(key);
        String strategy = SmpDirectives.otherStrategy(field.patchMeta());
        original.set(key, strategy.equals(REPLACE)
            ? SmpDirectives.sanitize(patchValue)
            : mergeMap((ObjectNode) originalValue, (ObjectNode) patchValue, field));
      } else if (originalValue.isArray()) {
        PatchSchema field = schema.field(key);
        PatchMeta meta = field.patchMeta();
        original.set(key, SmpLists.mergeListField(originalValue, patchValue, field.items(),
            SmpDirectives.otherStrategy(meta), meta.mergeKey(), deleteList));
      } else {
        original.set(key, patchValue);
      }
    }
    return original;
  }

  /** A map carrying "$patch": replace takes the patch as the whole map, delete empties it. */
  private static ObjectNode mapDirective(JsonNode directive, ObjectNode patch) {
    if (directive.isTextual() && directive.asText().equals(REPLACE)) {
      patch.remove(PATCH);
      return (ObjectNode) SmpDirectives.sanitize(patch);
    }
    if (directive.isTextual() && directive.asText().equals(DELETE)) {
      return JsonNodeFactory.instance.objectNode();
    }
    throw SmpErrors.badPatchType(directive, patch);
  }

  /** Stores a patch value under a key the original lacks (or holds with another type). */
  private static void putAdded(ObjectNode original, String key, JsonNode patchValue) {
    JsonNode value = SmpDirectives.added(patchValue);
    if (value == null) {
      original.remove(key);
    } else {
      original.set(key, value);
    }
  }

  /**
   * upstream applyRetainKeysDirective: every field the patch sets must be listed, and the original keeps only the
   * listed fields. It applies wherever the directive appears; the schema's retainKeys strategy is not consulted.
   */
  private static void applyRetainKeys(ObjectNode original, ObjectNode patch) {
    if (!patch.has(RETAIN_KEYS)) {
      return;
    }
    JsonNode retain = patch.remove(RETAIN_KEYS);
    if (!retain.isArray()) {
      throw SmpErrors.badRetainKeysFormat();
    }
    Set<String> retained = new HashSet<>();
    retain.forEach(k -> {
      if (k.isTextual()) {
        retained.add(k.asText());
      }
    });
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String key = e.getKey();
      if (e.getValue().isNull() || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) {
        continue;
      }
      if (!retained.contains(key)) {
        throw SmpErrors.badRetainKeysFormat();
      }
    }
    List<String> dropped = new ArrayList<>();
    original.fieldNames().forEachRemaining(k -> {
      if (!retained.contains(k)) {
        dropped.add(k);
      }
    });
    original.remove(dropped);
  }
}
