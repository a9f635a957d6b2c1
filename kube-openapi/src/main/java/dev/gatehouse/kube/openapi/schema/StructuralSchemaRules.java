package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * apiextensions' structural schema rules ({@code schema.NewStructural}, {@code ValidateStructural}): every
 * specified field has a type (except under {@code x-kubernetes-preserve-unknown-fields} or int-or-string),
 * value validations ({@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}) only restrict what the structural
 * part already declares, and root {@code metadata} may only restrict {@code name} and {@code generateName}.
 * Errors are sorted by their message, as upstream sorts them.
 */
final class StructuralSchemaRules {
  private StructuralSchemaRules() {}

  private enum Level { ROOT, ITEM, FIELD }

  /** Upstream {@code NewStructural}'s error, if the schema cannot be made structural at all. */
  static Optional<String> conversionError(JsonSchemaProps s) {
    return Optional.ofNullable(structural(s));
  }

  private static String structural(JsonSchemaProps s) {
    if (s == null) {
      return null;
    }
    String e = unsupported(s);
    e = e != null ? e : valueValidations(s);
    if (e == null && Boolean.FALSE.equals(s.xPreserveUnknownFields)) {
      e = "internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined";
    }
    if (e == null && !s.itemsArray.isEmpty()) {
      e = "OpenAPIV3Schema 'items' must be a schema, but is an array";
    }
    e = e != null ? e : structural(s.items);
    for (JsonSchemaProps p : s.properties.values()) {
      e = e != null ? e : structural(p);
    }
    return e != null ? e : structural(s.additionalPropertiesSchema());
  }

  private static String valueValidations(JsonSchemaProps s) {
    String e = structural(s.not);
    for (List<JsonSchemaProps> list : List.of(s.allOf, s.anyOf, s.oneOf)) {
      for (JsonSchemaProps x : list) {
        e = e != null ? e : structural(x);
      }
    }
    return e;
  }

  private static String unsupported(JsonSchemaProps s) {
    if (!s.id.isEmpty()) {
      return "OpenAPIV3Schema 'id' is not supported";
    }
    if (!s.schemaUrl.isEmpty()) {
      return "OpenAPIV3Schema 'schema' is not supported";
    }
    if (s.ref != null && !s.ref.isEmpty()) {
      return "OpenAPIV3Schema '$ref' is not supported";
    }
    if (!s.patternProperties.isEmpty()) {
      return "OpenAPIV3Schema 'patternProperties' is not supported";
    }
    if (s.hasDependencies) {
      return "OpenAPIV3Schema 'dependencies' is not supported";
    }
    if (s.additionalItems != null) {
      return "OpenAPIV3Schema 'additionalItems' is not supported";
    }
    if (!s.definitions.isEmpty()) {
      return "OpenAPIV3Schema 'definitions' is not supported";
    }
    return null;
  }

  /** Upstream {@code ValidateStructural} with default options; the schema must convert (see above). */
  static List<FieldError> validate(String path, JsonSchemaProps s) {
    List<FieldError> errs = new ArrayList<>();
    invariants(s, Level.ROOT, path, errs);
    completeness(s, s, path, path, errs);
    errs.sort(Comparator.comparing(FieldError::message));
    return errs;
  }

  private static void invariants(JsonSchemaProps s, Level lvl, String path, List<FieldError> errs) {
    if (s == null) {
      return;
    }
    if ("array".equals(s.type) && s.items == null) {
      errs.add(required(path + ".items", "must be specified"));
    }
    invariants(s.items, Level.ITEM, path + ".items", errs);
    for (Map.Entry<String, JsonSchemaProps> p : s.properties.entrySet()) {
      invariants(p.getValue(), Level.FIELD, path + ".properties[" + p.getKey() + "]", errs);
    }
    if (s.additionalProperties != null) {
      if (lvl == Level.ROOT) {
        errs.add(forbidden(path + ".additionalProperties", "must not be used at the root"));
      }
      invariants(s.additionalPropertiesSchema(), Level.FIELD, path + ".additionalProperties", errs);
    }
    boolean preserve = s.preservesUnknownFields();
    if (s.xIntOrString && preserve) {
      errs.add(invalid(path + ".x-kubernetes-preserve-unknown-fields", true,
          "must be false if x-kubernetes-int-or-string is true"));
    }
    if (s.xIntOrString && s.xEmbeddedResource) {
      errs.add(invalid(path + ".x-kubernetes-embedded-resource", true,
          "must be false if x-kubernetes-int-or-string is true"));
    }
    boolean skipAnyOf = isIntOrStringAnyOf(s.anyOf);
    boolean skipFirstAllOfAnyOf = !s.allOf.isEmpty() && isIntOrStringAnyOf(s.allOf.get(0).anyOf);
    valueValidation(s, skipAnyOf, skipFirstAllOfAnyOf, lvl, path, errs);

    boolean checkMetadata = lvl == Level.ROOT || s.xEmbeddedResource;
    if (s.xEmbeddedResource && !"object".equals(s.type)) {
      errs.add(s.type.isEmpty() ? required(path + ".type", "must be object if x-kubernetes-embedded-resource is true")
          : invalid(path + ".type", s.type, "must be object if x-kubernetes-embedded-resource is true"));
    } else if (s.type.isEmpty() && !s.xIntOrString && !preserve) {
      errs.add(required(path + ".type", switch (lvl) {
        case ROOT -> "must not be empty at the root";
        case ITEM -> "must not be empty for specified array items";
        case FIELD -> "must not be empty for specified object fields";
      }));
    }
    if (s.xEmbeddedResource && s.additionalProperties != null) {
      errs.add(forbidden(path + ".additionalProperties", "must not be used if x-kubernetes-embedded-resource is set"));
    }
    if (lvl == Level.ROOT && !s.type.isEmpty() && !"object".equals(s.type)) {
      errs.add(invalid(path + ".type", s.type, "must be object at the root"));
    }
    for (String meta : List.of("kind", "apiVersion")) {
      JsonSchemaProps p = s.properties.get(meta);
      if (p != null && checkMetadata && !"string".equals(p.type)) {
        errs.add(invalid(path + ".properties[" + meta + "].type", p.type, "must be string"));
      }
    }
    JsonSchemaProps metadata = s.properties.get("metadata");
    if (metadata != null) {
      metadataInvariants(metadata, checkMetadata, lvl, path + ".properties[metadata]", errs);
    }
    if (s.xEmbeddedResource && !preserve && s.properties.isEmpty()) {
      errs.add(required(path + ".properties",
          "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"));
    }
  }

  private static void metadataInvariants(JsonSchemaProps m, boolean check, Level lvl, String path,
      List<FieldError> errs) {
    if (check && !"object".equals(m.type)) {
      errs.add(invalid(path + ".type", m.type, "must be object"));
    }
    if (lvl != Level.ROOT) {
      return;
    }
    Set<String> keys = m.properties.keySet();
    boolean onlyNames = keys.isEmpty()
        || keys.size() == 2 && keys.contains("name") && keys.contains("generateName")
        || keys.size() == 1 && (keys.contains("name") || keys.contains("generateName"));
    JsonNode r = m.raw;
    boolean anythingElse = !onlyNames || m.items != null || m.additionalProperties != null || !m.title.isEmpty()
        || !m.description.isEmpty() || m.nullable || m.preservesUnknownFields() || m.xEmbeddedResource
        || m.xIntOrString || r.hasNonNull("x-kubernetes-list-map-keys") || m.xListType != null || m.xMapType != null
        || r.hasNonNull("x-kubernetes-validations") || !m.format.isEmpty() || m.maximum != null
        || m.exclusiveMaximum || m.minimum != null || m.exclusiveMinimum || m.maxLength != null
        || m.minLength != null || !m.pattern.isEmpty() || m.maxItems != null || m.minItems != null
        || m.uniqueItems || m.multipleOf != null || m.enumValues != null && !m.enumValues.isEmpty()
        || m.maxProperties != null || m.minProperties != null || r.hasNonNull("required") || !m.allOf.isEmpty()
        || !m.anyOf.isEmpty() || !m.oneOf.isEmpty() || m.not != null;
    if (anythingElse) {
      errs.add(forbidden(path,
          "must not specify anything other than name and generateName, but metadata is implicitly specified"));
    }
  }

  /** {@code anyOf: [{type: integer}, {type: string}]} with nothing else: the int-or-string idiom. */
  private static boolean isIntOrStringAnyOf(List<JsonSchemaProps> anyOf) {
    return anyOf.size() == 2 && onlyType(anyOf.get(0), "integer") && onlyType(anyOf.get(1), "string");
  }

  private static boolean onlyType(JsonSchemaProps s, String type) {
    return s.raw.size() == 1 && type.equals(s.type);
  }

  private static void valueValidation(JsonSchemaProps v, boolean skipAnyOf, boolean skipFirstAllOfAnyOf, Level lvl,
      String path, List<FieldError> errs) {
    if (!skipAnyOf) {
      for (int i = 0; i < v.anyOf.size(); i++) {
        nested(v.anyOf.get(i), false, false, lvl, path + ".anyOf[" + i + "]", errs);
      }
    }
    for (int i = 0; i < v.allOf.size(); i++) {
      nested(v.allOf.get(i), skipFirstAllOfAnyOf && i == 0, false, lvl, path + ".allOf[" + i + "]", errs);
    }
    for (int i = 0; i < v.oneOf.size(); i++) {
      nested(v.oneOf.get(i), false, false, lvl, path + ".oneOf[" + i + "]", errs);
    }
    if (v.not != null) {
      nested(v.not, false, false, lvl, path + ".not", errs);
    }
    if (!v.pattern.isEmpty()) {
      try {
        GoRegexp.compile(v.pattern);
      } catch (GoRegexp.SyntaxError e) {
        errs.add(invalid(path + ".pattern", v.pattern, "must be a valid regular expression, but isn't: "
            + e.getMessage()));
      }
    }
  }

  private static void nested(JsonSchemaProps v, boolean skipAnyOf, boolean skipAllOfAnyOf, Level lvl, String path,
      List<FieldError> errs) {
    if (v == null) {
      return;
    }
    valueValidation(v, skipAnyOf, skipAllOfAnyOf, lvl, path, errs);
    nested(v.items, false, false, lvl, path + ".items", errs);
    for (Map.Entry<String, JsonSchemaProps> p : v.properties.entrySet()) {
      nested(p.getValue(), false, false, Level.FIELD, path + ".properties[" + p.getKey() + "]", errs);
    }
    if (!v.type.isEmpty()) {
      errs.add(forbidden(path + ".type", "must be empty to be structural"));
    }
    if (v.additionalProperties != null && (v.additionalProperties.schema() != null || v.additionalProperties.allows())) {
      errs.add(forbidden(path + ".additionalProperties", "must be undefined to be structural"));
    }
    if (v.defaultValue != null) {
      errs.add(forbidden(path + ".default", "must be undefined to be structural"));
    }
    if (!v.title.isEmpty()) {
      errs.add(forbidden(path + ".title", "must be empty to be structural"));
    }
    if (!v.description.isEmpty()) {
      errs.add(forbidden(path + ".description", "must be empty to be structural"));
    }
    if (v.nullable) {
      errs.add(forbidden(path + ".nullable", "must be false to be structural"));
    }
    if (v.preservesUnknownFields()) {
      errs.add(forbidden(path + ".x-kubernetes-preserve-unknown-fields", "must be false to be structural"));
    }
    if (v.xEmbeddedResource) {
      errs.add(forbidden(path + ".x-kubernetes-embedded-resource", "must be false to be structural"));
    }
    if (v.xIntOrString) {
      errs.add(forbidden(path + ".x-kubernetes-int-or-string", "must be false to be structural"));
    }
    if (!v.xListMapKeys.isEmpty()) {
      errs.add(forbidden(path + ".x-kubernetes-list-map-keys", "must be empty to be structural"));
    }
    if (v.xListType != null) {
      errs.add(forbidden(path + ".x-kubernetes-list-type", "must be undefined to be structural"));
    }
    if (v.xMapType != null) {
      errs.add(forbidden(path + ".x-kubernetes-map-type", "must be undefined to be structural"));
    }
    if (v.xValidations != null) {
      errs.add(forbidden(path + ".x-kubernetes-validations", "must be empty to be structural"));
    }
    if (v.properties.containsKey("metadata")) {
      errs.add(forbidden(path + ".properties[metadata]", "must not be specified in a nested context"));
    }
  }

  /** Value validations may only mention fields that the structural part (s) declares at the same place. */
  private static void completeness(JsonSchemaProps v, JsonSchemaProps s, String sPath, String vPath,
      List<FieldError> errs) {
    if (s == null) {
      errs.add(required(sPath, "because it is defined in " + vPath));
      return;
    }
    nestedCompleteness(v.not, s, sPath, vPath + ".not", errs);
    for (int i = 0; i < v.allOf.size(); i++) {
      nestedCompleteness(v.allOf.get(i), s, sPath, vPath + ".allOf[" + i + "]", errs);
    }
    for (int i = 0; i < v.anyOf.size(); i++) {
      nestedCompleteness(v.anyOf.get(i), s, sPath, vPath + ".anyOf[" + i + "]", errs);
    }
    for (int i = 0; i < v.oneOf.size(); i++) {
      nestedCompleteness(v.oneOf.get(i), s, sPath, vPath + ".oneOf[" + i + "]", errs);
    }
  }

  private static void nestedCompleteness(JsonSchemaProps v, JsonSchemaProps s, String sPath, String vPath,
      List<FieldError> errs) {
    if (v == null) {
      return;
    }
    if (s == null) {
      errs.add(required(sPath, "because it is defined in " + vPath));
      return;
    }
    completeness(v, s, sPath, vPath, errs);
    nestedCompleteness(v.items, s.items, sPath + ".items", vPath + ".items", errs);
    for (Map.Entry<String, JsonSchemaProps> p : v.properties.entrySet()) {
      String key = "properties[" + p.getKey() + "]";
      JsonSchemaProps sField = s.properties.get(p.getKey());
      if (sField == null) {
        errs.add(required(sPath + "." + key, "because it is defined in " + vPath + "." + key));
      } else {
        nestedCompleteness(p.getValue(), sField, sPath + "." + key, vPath + "." + key, errs);
      }
    }
  }

  static FieldError required(String path, String detail) {
    return new FieldError(path, FieldError.Type.REQUIRED, "", detail);
  }

  static FieldError forbidden(String path, String detail) {
    return new FieldError(path, FieldError.Type.FORBIDDEN, "", detail);
  }

  static FieldError invalid(String path, Object value, String detail) {
    return new FieldError(path, FieldError.Type.INVALID, value, detail);
  }
}
