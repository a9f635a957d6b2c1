package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * apiextensions' structural pruning ({@code pruning.PruneWithOptions}): removes, in place, every object field the
 * schema does not declare, except under {@code x-kubernetes-preserve-unknown-fields} and except
 * {@code apiVersion}, {@code kind} and {@code metadata} of embedded resources and of the resource root.
 */
public final class StructuralPruning {
  private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private StructuralPruning() {}

  /**
   * Prunes {@code object} in place.
   *
   * @param schema         the version's {@code openAPIV3Schema}; null prunes everything below the root
   * @param isResourceRoot whether {@code object} is a whole resource (its meta fields are kept)
   * @return the removed fields' paths, sorted, as {@code spec.foo} / {@code spec.list[0].bar}
   */
  public static List<String> prune(JsonNode schema, JsonNode object, boolean isResourceRoot) {
    return prune(JsonSchemaProps.of(schema), object, isResourceRoot);
  }

  static List<String> prune(JsonSchemaProps schema, JsonNode object, boolean isResourceRoot) {
    List<String> removed = new ArrayList<>();
    if (isResourceRoot && schema == null) {
      schema = JsonSchemaProps.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    node(object, schema, isResourceRoot, "", removed);
    Collections.sort(removed);
    return removed;
  }

  private static void node(JsonNode x, JsonSchemaProps s, boolean embedded, String path, List<String> removed) {
    if (s != null && s.preservesUnknownFields()) {
      skip(x, s, embedded, path, removed);
      return;
    }
    if (x instanceof ObjectNode obj) {
      for (String k : keys(obj)) {
        if (s == null) {
          removed.add(join(path, k));
          obj.remove(k);
          continue;
        }
        boolean isEmbedded = embedded || s.xEmbeddedResource;
        if (isEmbedded && META_FIELDS.contains(k)) {
          continue;
        }
        JsonSchemaProps prop = s.properties.get(k);
        if (prop != null) {
          node(obj.get(k), prop, false, join(path, k), removed);
        } else if (s.additionalProperties != null) {
          node(obj.get(k), s.additionalPropertiesSchema(), false, join(path, k), removed);
        } else {
          if (!META_FIELDS.contains(k) || !path.isEmpty()) {
            removed.add(join(path, k));
          }
          obj.remove(k);
        }
      }
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        node(array.get(i), s == null ? null : s.items, false, path + "[" + i + "]", removed);
      }
    }
  }

  /** Below {@code x-kubernetes-preserve-unknown-fields}: unknown fields stay, declared ones are pruned. */
  private static void skip(JsonNode x, JsonSchemaProps s, boolean embedded, String path, List<String> removed) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode obj) {
      for (String k : keys(obj)) {
        if ((embedded || s.xEmbeddedResource) && META_FIELDS.contains(k)) {
          continue;
        }
        JsonSchemaProps prop = s.properties.get(k);
        if (prop != null) {
          node(obj.get(k), prop, false, join(path, k), removed);
        } else if (s.additionalProperties != null) {
          node(obj.get(k), s.additionalPropertiesSchema(), false, join(path, k), removed);
        }
      }
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        skip(array.get(i), s.items, false, path + "[" + i + "]", removed);
      }
    }
  }

  private static List<String> keys(ObjectNode obj) {
    List<String> keys = new ArrayList<>();
    obj.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
