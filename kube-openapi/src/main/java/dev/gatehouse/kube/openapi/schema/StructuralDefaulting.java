package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * apiextensions' structural defaulting, as kube-apiserver applies it to custom resources on create, update,
 * patch and on every read from storage:
 * <ol>
 *   <li>{@code PruneNonNullableNullsWithoutDefaults}: a {@code null} where the schema is not {@code nullable}
 *       and has no default is removed, so {@code required} then reports it;
 *   <li>{@code Default}: a missing field with a {@code default} gets a copy of it, and so does a {@code null}
 *       that is not {@code nullable}; only inside objects and lists that are present, and recursively inside
 *       values just defaulted.
 * </ol>
 * Default values are used after pruning them against the schema ({@code PruneDefaults}), as the server does
 * when it starts serving a CRD. Instances are immutable; build one per CRD version schema.
 */
public final class StructuralDefaulting {
  private static final Set<String> OBJECT_META_FIELDS = Set.of("name", "generateName", "namespace", "selfLink",
      "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
      "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

  private final JsonSchemaProps schema;
  private final Map<JsonSchemaProps, JsonNode> defaults = new IdentityHashMap<>();

  private StructuralDefaulting(JsonSchemaProps schema) {
    this.schema = schema;
    if (schema != null) {
      pruneDefaults(schema, true);
    }
  }

  /** @param openAPIV3Schema a version's {@code schema.openAPIV3Schema}; null defaults nothing */
  public static StructuralDefaulting forSchema(JsonNode openAPIV3Schema) {
    return new StructuralDefaulting(JsonSchemaProps.of(openAPIV3Schema));
  }

  /** One-shot form of {@code forSchema(schema).apply(object)}. */
  public static void apply(JsonNode openAPIV3Schema, ObjectNode object) {
    forSchema(openAPIV3Schema).apply(object);
  }

  /** Removes non-nullable nulls without defaults, then applies defaults; mutates {@code object}. */
  public void apply(ObjectNode object) {
    if (schema == null) {
      return;
    }
    pruneNulls(object, schema);
    applyDefaults(object, schema);
  }

  /** The default of {@code s} after pruning, or null. */
  private JsonNode defaultOf(JsonSchemaProps s) {
    return s == null ? null : defaults.get(s);
  }

  private void pruneDefaults(JsonSchemaProps s, boolean root) {
    if (s.defaultValue != null) {
      JsonNode copy = s.defaultValue.deepCopy();
      coerceEmbedded(copy, s, root);
      StructuralPruning.prune(s, copy, root);
      defaults.put(s, copy);
    }
    if (s.additionalPropertiesSchema() != null) {
      pruneDefaults(s.additionalPropertiesSchema(), false);
    }
    if (s.items != null) {
      pruneDefaults(s.items, false);
    }
    s.properties.values().forEach(p -> pruneDefaults(p, false));
  }

  /**
   * {@code objectmeta.Coerce} with dropping: in embedded objects, a non-string apiVersion or kind is dropped and
   * metadata keeps only ObjectMeta fields.
   */
  private static void coerceEmbedded(JsonNode x, JsonSchemaProps s, boolean embedded) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode obj) {
      if (embedded || s.xEmbeddedResource) {
        for (String k : List.of("apiVersion", "kind")) {
          if (obj.has(k) && !obj.get(k).isTextual()) {
            obj.remove(k);
          }
        }
        if (obj.get("metadata") instanceof ObjectNode meta) {
          List<String> unknown = new ArrayList<>();
          meta.fieldNames().forEachRemaining(f -> {
            if (!OBJECT_META_FIELDS.contains(f)) {
              unknown.add(f);
            }
          });
          unknown.forEach(meta::remove);
          if (GoJson.isNull(meta.get("creationTimestamp"))) {
            meta.remove("creationTimestamp");
          }
        }
      }
      obj.fields().forEachRemaining(e -> coerceEmbedded(e.getValue(), s.fieldSchema(e.getKey()), false));
    } else if (x instanceof ArrayNode array) {
      array.forEach(item -> coerceEmbedded(item, s.items, false));
    }
  }

  private boolean nonNullableNullWithoutDefault(JsonNode v, JsonSchemaProps s) {
    return GoJson.isNull(v) && s != null && !s.nullable && defaultOf(s) == null;
  }

  private void pruneNulls(JsonNode x, JsonSchemaProps s) {
    if (x instanceof ObjectNode obj) {
      List<String> keys = new ArrayList<>();
      obj.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonSchemaProps fieldSchema = s == null ? null : s.fieldSchema(k);
        if (nonNullableNullWithoutDefault(obj.get(k), fieldSchema)) {
          obj.remove(k);
        } else {
          pruneNulls(obj.get(k), fieldSchema);
        }
      }
    } else if (x instanceof ArrayNode array) {
      array.forEach(item -> pruneNulls(item, s == null ? null : s.items));
    }
  }

  private static boolean nonNullableNull(JsonNode v, JsonSchemaProps s) {
    return GoJson.isNull(v) && s != null && !s.nullable;
  }

  private void applyDefaults(JsonNode x, JsonSchemaProps s) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode obj) {
      for (Map.Entry<String, JsonSchemaProps> p : s.properties.entrySet()) {
        JsonNode def = defaultOf(p.getValue());
        if (def != null && (!obj.has(p.getKey()) || nonNullableNull(obj.get(p.getKey()), p.getValue()))) {
          obj.set(p.getKey(), def.deepCopy());
        }
      }
      List<String> keys = new ArrayList<>();
      obj.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonSchemaProps prop = s.properties.get(k);
        if (prop != null) {
          applyDefaults(obj.get(k), prop);
        } else if (s.additionalProperties != null) {
          JsonSchemaProps additional = s.additionalPropertiesSchema();
          if (nonNullableNull(obj.get(k), additional) && defaultOf(additional) != null) {
            obj.set(k, defaultOf(additional).deepCopy());
          }
          applyDefaults(obj.get(k), additional);
        }
      }
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (nonNullableNull(array.get(i), s.items) && defaultOf(s.items) != null) {
          array.set(i, defaultOf(s.items).deepCopy());
        }
        applyDefaults(array.get(i), s.items);
      }
    }
  }
}
