package dev.gatehouse.kube.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 7386 JSON Merge Patch as kube-apiserver 1.32 applies {@code application/merge-patch+json}
 * (evanphx/json-patch v4.12 MergePatch): objects merge member by member, null removes a member, anything else
 * replaces. Nulls inside values that are added whole are pruned, except inside arrays that replace an object member.
 */
public final class MergePatch {
  private MergePatch() {}

  /** Merges the patch into a copy of the document and returns the copy. */
  public static JsonNode apply(JsonNode document, JsonNode patch) {
    if (patch == null || patch.isNull() || !(patch.isObject() || patch.isArray())) {
      // Upstream accepts only an object or an array; the handler reports anything else as a 400.
      throw PatchException.badRequest("Invalid JSON Patch");
    }
    if (patch.isArray() || !document.isObject()) {
      return pruneNulls(patch.deepCopy());
    }
    ObjectNode result = (ObjectNode) document.deepCopy();
    mergeInto(result, patch.deepCopy());
    return result;
  }

  /**
   * What the handler checks first when fieldValidation is Strict or Warn: the patch must decode as an object, or the
   * request is a 400 with this message.
   */
  public static void checkStrictDecoding(JsonNode patch) {
    if (patch != null && !patch.isObject() && !patch.isNull()) {
      throw PatchException.badRequest("error decoding patch: json: cannot unmarshal " + JsonPatch.jsonKind(patch)
          + " into Go value of type map[string]interface {}");
    }
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> entry : new ArrayList<>(patch.properties())) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      JsonNode current = target.get(key);
      if (value.isNull()) {
        target.remove(key);
      } else if (current == null || current.isNull()) {
        target.set(key, pruneNulls(value));
      } else {
        target.set(key, merge(current, value));
      }
    }
  }

  private static JsonNode merge(JsonNode current, JsonNode patch) {
    if (!current.isObject()) {
      return pruneNulls(patch);
    }
    if (!patch.isObject()) {
      // An array (or scalar) replacing an object is taken as it is, nulls included.
      return patch;
    }
    mergeInto((ObjectNode) current, (ObjectNode) patch);
    return current;
  }

  /** Removes null members of objects, recursively; null array elements stay. Works in place. */
  private static JsonNode pruneNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (e.getValue().isNull()) {
          nulls.add(e.getKey());
        } else {
          pruneNulls(e.getValue());
        }
      }
      object.remove(nulls);
    } else if (node instanceof ArrayNode array) {
      array.forEach(MergePatch::pruneNulls);
    }
    return node;
  }
}
