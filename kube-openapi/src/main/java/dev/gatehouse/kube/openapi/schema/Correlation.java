package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation ratcheting (feature {@code CRDValidationRatcheting}, on by default in 1.32): a node of the new
 * object paired with the node of the old object it corresponds to (upstream {@code common.CorrelatedObject}).
 * Errors found while validating a correlated node are dropped when the node did not change, so an update may
 * keep a value that a tightened schema now rejects.
 *
 * <p>Correlation follows object keys that the schema declares (or that {@code additionalProperties} covers) and
 * items of {@code x-kubernetes-list-type: map} lists, matched by their key fields; anything else (atomic and set
 * lists, undeclared keys) is not correlated and validated normally.
 */
final class Correlation {
  private final JsonNode oldValue;
  private final JsonNode value;
  private final JsonSchemaProps schema;
  private Boolean equal;
  private List<JsonNode> unkeyedOld;   // list-map: old items not yet indexed by key
  private Map<Object, JsonNode> keyedOld;
  private final Map<Object, Correlation> children = new HashMap<>();

  Correlation(JsonNode value, JsonNode oldValue, JsonSchemaProps schema) {
    this.value = value;
    this.oldValue = oldValue;
    this.schema = schema;
  }

  /** The correlated child for an object key; null when it cannot be correlated. */
  Correlation key(String field) {
    if (schema == null) {
      return null;
    }
    Correlation existing = children.get(field);
    if (existing != null) {
      return existing;
    }
    if (!value.isObject() || oldValue == null || !oldValue.isObject() || !value.has(field) || !oldValue.has(field)) {
      return null;
    }
    JsonSchemaProps fieldSchema = schema.properties.get(field);
    if (fieldSchema == null) {
      fieldSchema = schema.additionalPropertiesSchema();
    }
    if (fieldSchema == null) {
      return null;
    }
    Correlation child = new Correlation(value.get(field), oldValue.get(field), fieldSchema);
    children.put(field, child);
    return child;
  }

  /** The correlated child for a list index (list-type map only); null when it cannot be correlated. */
  Correlation index(int i) {
    if (schema == null) {
      return null;
    }
    Correlation existing = children.get(i);
    if (existing != null) {
      return existing;
    }
    if (!value.isArray() || i >= value.size() || oldValue == null || !oldValue.isArray()) {
      return null;
    }
    if (!"map".equals(schema.xListType)) {
      return null;
    }
    JsonNode old = oldItemFor(value.get(i));
    if (old == null || schema.items == null) {
      return null;
    }
    Correlation child = new Correlation(value.get(i), old, schema.items);
    children.put(i, child);
    return child;
  }

  private boolean isMapList() {
    return schema != null && "map".equals(schema.xListType);
  }

  private JsonNode oldItemFor(JsonNode item) {
    if (keyedOld == null) {
      keyedOld = new HashMap<>();
      boolean usable = "array".equals(schema.type) && !schema.xListMapKeys.isEmpty() && oldValue.size() > 0;
      unkeyedOld = new ArrayList<>();
      if (usable) {
        oldValue.forEach(unkeyedOld::add);
      }
    }
    Object key = compositeKey(item);
    if (key == null) {
      return null;
    }
    JsonNode match = keyedOld.get(key);
    if (match != null) {
      return match;
    }
    while (!unkeyedOld.isEmpty()) {
      JsonNode candidate = unkeyedOld.remove(0);
      Object candidateKey = compositeKey(candidate);
      if (candidateKey == null) {
        continue;
      }
      keyedOld.putIfAbsent(candidateKey, candidate);
      if (candidateKey.equals(key)) {
        return candidate;
      }
    }
    return null;
  }

  /** Scalar key values, typed like Go's (an int64 1 and a float64 1 are different keys). */
  private Object compositeKey(JsonNode item) {
    if (!item.isObject()) {
      return null;
    }
    List<Object> parts = new ArrayList<>();
    for (String k : schema.xListMapKeys) {
      JsonNode v = item.get(k);
      if (v == null) {
        return null;
      }
      switch (GoJson.kind(v)) {
        case BOOL -> parts.add(v.booleanValue());
        case INT -> parts.add(v.longValue());
        case FLOAT -> parts.add(v.doubleValue());
        case STRING -> parts.add(v.asText());
        default -> {
          return null;
        }
      }
    }
    return parts;
  }

  /** Upstream {@code CachedDeepEqual}: equal through correlated children only. */
  boolean unchanged() {
    if (equal == null) {
      equal = computeUnchanged();
    }
    return equal;
  }

  private boolean computeUnchanged() {
    boolean newNull = GoJson.isNull(value);
    boolean oldNull = GoJson.isNull(oldValue);
    if (newNull || oldNull) {
      return newNull && oldNull;
    }
    if (value.isArray() != oldValue.isArray() || value.isObject() != oldValue.isObject()) {
      return false;
    }
    if (value.isArray()) {
      if (value.size() != oldValue.size()) {
        return false;
      }
      for (int i = 0; i < value.size(); i++) {
        Correlation child = index(i);
        if (child == null) {
          // Upstream falls back to plain equality only for lists that never correlate items.
          return !isMapList() && GoJson.deepEqual(oldValue, value);
        }
        if (!child.unchanged()) {
          return false;
        }
      }
      return true;
    }
    if (value.isObject()) {
      if (value.size() != oldValue.size()) {
        return false;
      }
      for (var it = value.fieldNames(); it.hasNext(); ) {
        Correlation child = key(it.next());
        if (child == null || !child.unchanged()) {
          return false;
        }
      }
      return true;
    }
    return GoJson.deepEqual(oldValue, value);
  }
}
