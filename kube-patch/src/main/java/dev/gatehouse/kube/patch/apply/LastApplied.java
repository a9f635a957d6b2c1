package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * kubectl's {@value FieldManager#LAST_APPLIED} annotation as server-side apply treats it (upstream lastapplied*.go):
 * kept in step when {@code kubectl} applies server-side, and used to let kubectl take over fields it had applied
 * client-side.
 */
final class LastApplied {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LastApplied() {}

  static boolean has(JsonNode object) {
    return !object.path("metadata").path("annotations").path(FieldManager.LAST_APPLIED).asText("").isEmpty();
  }

  static void set(ObjectNode object, String value) {
    ObjectNode metadata = object.path("metadata") instanceof ObjectNode m ? m : object.putObject("metadata");
    ObjectNode annotations =
        metadata.path("annotations") instanceof ObjectNode a ? a : metadata.putObject("annotations");
    annotations.put(FieldManager.LAST_APPLIED, value);
  }

  /** The applied object without the annotation, as Go's unstructured JSON encoder writes it. */
  static String build(JsonNode applied) {
    JsonNode copy = applied.deepCopy();
    if (copy.path("metadata").path("annotations") instanceof ObjectNode annotations) {
      annotations.remove(FieldManager.LAST_APPLIED);
    }
    return PathElement.compact(sorted(copy)) + "\n";
  }

  /**
   * The fields kubectl may take over without a conflict: those the last client-side apply set and that still have
   * the value it set. Null when there is no usable annotation (then no conflict is relieved).
   */
  static FieldSet allowedConflicts(JsonNode live, String apiVersion, SsaType type) {
    String text = live.path("metadata").path("annotations").path(FieldManager.LAST_APPLIED).asText("");
    if (text.isEmpty()) {
      return null;
    }
    JsonNode lastApplied;
    try {
      lastApplied = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (lastApplied == null || !lastApplied.isObject()
        || !lastApplied.path("apiVersion").asText("").equals(apiVersion)) {
      return null;
    }
    try {
      Typed.validate(lastApplied, type, false);
      FieldSet set = Typed.toFieldSet(lastApplied, type);
      TypedCompare.Comparison comparison = TypedCompare.compare(lastApplied, live, type);
      return set.difference(comparison.modified()).difference(comparison.added())
          .difference(comparison.removed());
    } catch (Typed.InvalidValue e) {
      return null;
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String key : SmdValues.sortedKeys(node)) {
        out.set(key, sorted(node.get(key)));
      }
      return out;
    }
    if (node.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }
}
