package dev.gatehouse.kube.openapi.schema;

import java.util.List;
import java.util.function.Predicate;

/** Upstream {@code SchemaHas}: whether any node of a schema, including nested value validations, matches. */
final class SchemaWalk {
  private SchemaWalk() {}

  static boolean any(JsonSchemaProps s, Predicate<JsonSchemaProps> predicate) {
    if (s == null) {
      return false;
    }
    if (predicate.test(s)) {
      return true;
    }
    for (List<JsonSchemaProps> list : List.of(s.itemsArray, s.allOf, s.anyOf, s.oneOf)) {
      for (JsonSchemaProps x : list) {
        if (any(x, predicate)) {
          return true;
        }
      }
    }
    if (any(s.items, predicate) || any(s.not, predicate) || any(s.additionalPropertiesSchema(), predicate)) {
      return true;
    }
    for (JsonSchemaProps x : s.properties.values()) {
      if (any(x, predicate)) {
        return true;
      }
    }
    for (JsonSchemaProps x : s.patternProperties.values()) {
      if (any(x, predicate)) {
        return true;
      }
    }
    for (JsonSchemaProps x : s.definitions.values()) {
      if (any(x, predicate)) {
        return true;
      }
    }
    return false;
  }
}
