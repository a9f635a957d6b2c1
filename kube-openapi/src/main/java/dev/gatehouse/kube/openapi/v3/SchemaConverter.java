package dev.gatehouse.kube.openapi.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Converts OpenAPI v2 schemas to v3 the way kube-openapi's {@code openapiconv.ConvertSchema} does:
 * {@code #/definitions/X} references become {@code #/components/schemas/X}, and a reference with sibling keywords
 * (a description, a patch strategy, ...) is wrapped as {@code allOf: [{$ref}]}, because OpenAPI v3 ignores siblings of
 * {@code $ref} (kube-openapi {@code builder3/util.WrapRefs}). Everything else, including every {@code x-kubernetes-*}
 * extension, is carried over unchanged.
 *
 * <p>Only schema-valued keywords are descended into; values such as {@code default}, {@code enum} or extension
 * payloads are copied as data. Unchanged leaves are shared with the input, which callers treat as read-only.
 */
final class SchemaConverter {
  static final String V2_PREFIX = "#/definitions/";
  static final String V3_PREFIX = "#/components/schemas/";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Keywords whose value is one schema (or, for {@code items}/{@code additionalProperties}, a schema or flag). */
  private static final Set<String> SCHEMA_KEYWORDS = Set.of("items", "additionalProperties", "additionalItems", "not");
  /** Keywords whose value is a map of name to schema. */
  private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", "patternProperties", "definitions");
  /** Keywords whose value is a list of schemas. */
  private static final Set<String> SCHEMA_LIST_KEYWORDS = Set.of("allOf", "anyOf", "oneOf");

  private SchemaConverter() {}

  /** Returns the v3 form of {@code schema}; references found are added to {@code refs} as definition names. */
  static JsonNode convert(JsonNode schema, Set<String> refs) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode out = NODES.objectNode();
    boolean wrapRef = schema.has("$ref") && schema.size() > 1;
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("$ref")) {
        String ref = rewriteRef(value.asText(), refs);
        if (wrapRef) {
          ArrayNode allOf = out.putArray("allOf");
          allOf.addObject().put("$ref", ref);
        } else {
          out.put("$ref", ref);
        }
      } else if (SCHEMA_KEYWORDS.contains(key)) {
        out.set(key, value.isArray() ? convertList(value, refs) : convert(value, refs));
      } else if (SCHEMA_MAP_KEYWORDS.contains(key) && value.isObject()) {
        ObjectNode map = out.putObject(key);
        value.properties().forEach(e -> map.set(e.getKey(), convert(e.getValue(), refs)));
      } else if (SCHEMA_LIST_KEYWORDS.contains(key) && value.isArray()) {
        out.set(key, convertList(value, refs));
      } else {
        out.set(key, value);
      }
    }
    return out;
  }

  private static ArrayNode convertList(JsonNode list, Set<String> refs) {
    ArrayNode out = NODES.arrayNode(list.size());
    list.forEach(item -> out.add(convert(item, refs)));
    return out;
  }

  private static String rewriteRef(String ref, Set<String> refs) {
    if (ref.startsWith(V2_PREFIX)) {
      String name = ref.substring(V2_PREFIX.length());
      refs.add(name);
      return V3_PREFIX + name;
    }
    if (ref.startsWith(V3_PREFIX)) {
      refs.add(ref.substring(V3_PREFIX.length()));
    }
    return ref;
  }
}
