package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of an {@code apiextensions.k8s.io/v1} {@code JSONSchemaProps}, read from its JSON form the way the API
 * server decodes it: a JSON {@code null} for a pointer field ({@code default}, {@code maximum}, ...) means "not
 * set", and a {@code null} inside {@code enum} becomes a nil value that never matches.
 *
 * <p>The same node serves as the structural schema (upstream {@code Structural}): pruning, defaulting and list
 * validation only read {@code properties}, {@code additionalProperties}, {@code items}, {@code nullable},
 * {@code default} and the {@code x-kubernetes-*} extensions, which the structural form keeps unchanged.
 */
final class JsonSchemaProps {
  final JsonNode raw;
  final String id;
  final String schemaUrl;
  final String ref;
  final String type;
  final String format;
  final String title;
  final String description;
  final JsonNode defaultValue;
  final Double maximum;
  final boolean exclusiveMaximum;
  final Double minimum;
  final boolean exclusiveMinimum;
  final Long maxLength;
  final Long minLength;
  final String pattern;
  final Long maxItems;
  final Long minItems;
  final boolean uniqueItems;
  final Double multipleOf;
  final List<JsonNode> enumValues;
  final Long maxProperties;
  final Long minProperties;
  final List<String> required;
  final JsonSchemaProps items;
  final List<JsonSchemaProps> itemsArray;
  final List<JsonSchemaProps> allOf;
  final List<JsonSchemaProps> oneOf;
  final List<JsonSchemaProps> anyOf;
  final JsonSchemaProps not;
  final Map<String, JsonSchemaProps> properties;
  final SchemaOrBool additionalProperties;
  final SchemaOrBool additionalItems;
  final Map<String, JsonSchemaProps> patternProperties;
  final Map<String, JsonSchemaProps> definitions;
  final boolean hasDependencies;
  final boolean nullable;
  final Boolean xPreserveUnknownFields;
  final boolean xEmbeddedResource;
  final boolean xIntOrString;
  final List<String> xListMapKeys;
  final String xListType;
  final String xMapType;
  final JsonNode xValidations;

  /** {@code additionalProperties} / {@code additionalItems}: {@code true}, {@code false} or a schema. */
  record SchemaOrBool(boolean allows, JsonSchemaProps schema) {}

  private JsonSchemaProps(JsonNode n) {
    raw = n;
    id = text(n, "id");
    schemaUrl = text(n, "$schema");
    ref = n.hasNonNull("$ref") ? n.get("$ref").asText() : null;
    type = text(n, "type");
    format = text(n, "format");
    title = text(n, "title");
    description = text(n, "description");
    defaultValue = n.hasNonNull("default") ? n.get("default") : null;
    maximum = number(n, "maximum");
    exclusiveMaximum = n.path("exclusiveMaximum").asBoolean(false);
    minimum = number(n, "minimum");
    exclusiveMinimum = n.path("exclusiveMinimum").asBoolean(false);
    maxLength = integer(n, "maxLength");
    minLength = integer(n, "minLength");
    pattern = text(n, "pattern");
    maxItems = integer(n, "maxItems");
    minItems = integer(n, "minItems");
    uniqueItems = n.path("uniqueItems").asBoolean(false);
    multipleOf = number(n, "multipleOf");
    enumValues = n.hasNonNull("enum") ? elements(n.get("enum")) : null;
    maxProperties = integer(n, "maxProperties");
    minProperties = integer(n, "minProperties");
    required = strings(n.get("required"));
    JsonNode itemsNode = n.get("items");
    if (itemsNode != null && itemsNode.isArray()) {
      items = null;
      itemsArray = list(itemsNode);
    } else {
      items = of(itemsNode);
      itemsArray = List.of();
    }
    allOf = list(n.get("allOf"));
    oneOf = list(n.get("oneOf"));
    anyOf = list(n.get("anyOf"));
    not = of(n.get("not"));
    properties = map(n.get("properties"));
    additionalProperties = schemaOrBool(n.get("additionalProperties"));
    additionalItems = schemaOrBool(n.get("additionalItems"));
    patternProperties = map(n.get("patternProperties"));
    definitions = map(n.get("definitions"));
    hasDependencies = n.hasNonNull("dependencies") && n.get("dependencies").size() > 0;
    nullable = n.path("nullable").asBoolean(false);
    xPreserveUnknownFields = n.hasNonNull("x-kubernetes-preserve-unknown-fields")
        ? n.get("x-kubernetes-preserve-unknown-fields").asBoolean() : null;
    xEmbeddedResource = n.path("x-kubernetes-embedded-resource").asBoolean(false);
    xIntOrString = n.path("x-kubernetes-int-or-string").asBoolean(false);
    xListMapKeys = strings(n.get("x-kubernetes-list-map-keys"));
    xListType = n.hasNonNull("x-kubernetes-list-type") ? n.get("x-kubernetes-list-type").asText() : null;
    xMapType = n.hasNonNull("x-kubernetes-map-type") ? n.get("x-kubernetes-map-type").asText() : null;
    xValidations = n.hasNonNull("x-kubernetes-validations") && n.get("x-kubernetes-validations").size() > 0
        ? n.get("x-kubernetes-validations") : null;
  }

  /** Parses a schema node; {@code null} (absent or JSON null) gives {@code null}. */
  static JsonSchemaProps of(JsonNode node) {
    return node == null || !node.isObject() ? null : new JsonSchemaProps(node);
  }

  /** Whether pruning keeps unknown fields here ({@code x-kubernetes-preserve-unknown-fields: true}). */
  boolean preservesUnknownFields() {
    return Boolean.TRUE.equals(xPreserveUnknownFields);
  }

  /** The structural schema of {@code additionalProperties}: null when absent, a boolean, or unknown. */
  JsonSchemaProps additionalPropertiesSchema() {
    return additionalProperties == null ? null : additionalProperties.schema();
  }

  /** Upstream's {@code Structural.Properties[k]} or, failing that, {@code AdditionalProperties.Structural}. */
  JsonSchemaProps fieldSchema(String key) {
    JsonSchemaProps p = properties.get(key);
    return p != null ? p : additionalPropertiesSchema();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static Double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asDouble();
  }

  private static Long integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asLong();
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return Collections.unmodifiableList(out);
  }

  private static List<String> strings(JsonNode array) {
    if (array == null || !array.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  private static List<JsonSchemaProps> list(JsonNode array) {
    if (array == null || !array.isArray()) {
      return List.of();
    }
    List<JsonSchemaProps> out = new ArrayList<>();
    array.forEach(v -> out.add(of(v) == null ? new JsonSchemaProps(v.isObject() ? v : emptyObject()) : of(v)));
    return List.copyOf(out);
  }

  private static Map<String, JsonSchemaProps> map(JsonNode object) {
    if (object == null || !object.isObject()) {
      return Map.of();
    }
    Map<String, JsonSchemaProps> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(),
        e.getValue().isObject() ? new JsonSchemaProps(e.getValue()) : new JsonSchemaProps(emptyObject())));
    return Collections.unmodifiableMap(out);
  }

  private static SchemaOrBool schemaOrBool(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return new SchemaOrBool(node.booleanValue(), null);
    }
    return new SchemaOrBool(true, of(node));
  }

  private static JsonNode emptyObject() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }
}
