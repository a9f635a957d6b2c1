package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.schema.GoJson.Kind;
import java.util.Iterator;
import java.util.Map;

/**
 * A port of k8s.io/kube-openapi's {@code validate.SchemaValidator} as apiextensions-apiserver uses it for custom
 * resources. Each schema node runs upstream's validators in upstream's order (type, allOf/anyOf/oneOf/not,
 * string, format, number, array, enum, object); errors name the value by its dotted data path
 * ({@code spec.ports[1].name}, {@code .spec} for a required field at the root).
 *
 * <p>Upstream iterates Go maps, so the order of errors from different properties is random there; here it is
 * the schema's declaration order for properties and the object's order for additional properties.
 *
 * <p>With a {@link Correlation} (updates), errors of a correlated node whose value did not change are demoted
 * to warnings, as upstream's ratcheting validator does.
 */
final class SchemaValidation {
  private SchemaValidation() {}

  /** Validates {@code data} against {@code schema}; {@code correlation} is null on create. */
  static OpenApiResult validate(JsonSchemaProps schema, JsonNode data, Correlation correlation) {
    return node(schema, "", data, correlation);
  }

  /** A value reached through a property or an index: the unit that ratcheting compares. */
  private static OpenApiResult node(JsonSchemaProps s, String path, JsonNode data, Correlation correlation) {
    OpenApiResult result = schema(s, path, data, correlation);
    if (correlation == null || result.isValid() || !correlation.unchanged()) {
      return result;
    }
    return new OpenApiResult().mergeAsWarnings(result);
  }

  /** Upstream {@code SchemaValidator.Validate}. */
  private static OpenApiResult schema(JsonSchemaProps s, String path, JsonNode data, Correlation correlation) {
    OpenApiResult result = new OpenApiResult();
    Kind kind = GoJson.kind(data);
    if (kind == Kind.NULL) {
      // Only the type and enum checks see a null, and neither counts as an applied validator.
      result.merge(ValueChecks.type(s, path, data));
      result.merge(ValueChecks.enumeration(s, path, data));
      return result;
    }
    if (ValueChecks.typeApplies(s)) {
      result.merge(ValueChecks.type(s, path, data));
      result.inc();
    }
    result.merge(compositions(s, path, data, correlation));
    result.inc();
    if (kind == Kind.STRING) {
      result.merge(ValueChecks.string(s, path, data.asText()));
      result.inc();
      if (ValueChecks.formatApplies(s, kind)) {
        result.merge(ValueChecks.format(s, path, data.asText()));
        result.inc();
      }
    }
    if (GoJson.isNumber(kind)) {
      result.merge(ValueChecks.number(s, path, data));
      result.inc();
    }
    if (kind == Kind.ARRAY) {
      result.merge(array(s, path, data, correlation));
      result.inc();
    }
    result.merge(ValueChecks.enumeration(s, path, data));
    result.inc();
    if (kind == Kind.OBJECT) {
      result.merge(object(s, path, data, correlation));
      result.inc();
    }
    result.inc();
    return result;
  }

  /** Upstream {@code schemaPropsValidator}: anyOf, oneOf, allOf and not, validated against the same value. */
  private static OpenApiResult compositions(JsonSchemaProps s, String path, JsonNode data, Correlation corr) {
    OpenApiResult main = new OpenApiResult();
    if (!s.anyOf.isEmpty()) {
      OpenApiResult best = null;
      OpenApiResult firstSuccess = null;
      boolean succeeded = false;
      for (JsonSchemaProps alternative : s.anyOf) {
        OpenApiResult r = schema(alternative, path, data, corr);
        if (r.isValid()) {
          best = null;
          succeeded = true;
          firstSuccess = r;
          break;
        }
        if (best == null || r.matchCount > best.matchCount) {
          best = r;
        }
      }
      if (!succeeded) {
        main.addError(OpenApiError.mustValidateAtLeastOne(path));
      }
      main.merge(best != null ? best : firstSuccess);
    }
    if (!s.oneOf.isEmpty()) {
      OpenApiResult best = null;
      OpenApiResult firstSuccess = null;
      int validated = 0;
      for (JsonSchemaProps alternative : s.oneOf) {
        OpenApiResult r = schema(alternative, path, data, corr);
        if (r.isValid()) {
          validated++;
          best = null;
          if (firstSuccess == null) {
            firstSuccess = r;
          }
          continue;
        }
        if (validated == 0 && (best == null || r.matchCount > best.matchCount)) {
          best = r;
        }
      }
      if (validated != 1) {
        String detail = validated == 0 ? "Found none valid" : "Found " + validated + " valid alternatives";
        main.addError(OpenApiError.mustValidateOnlyOne(path, detail));
        main.merge(best);
      } else {
        main.merge(firstSuccess);
      }
    }
    if (!s.allOf.isEmpty()) {
      int validated = 0;
      for (JsonSchemaProps part : s.allOf) {
        OpenApiResult r = schema(part, path, data, corr);
        if (r.isValid()) {
          validated++;
        }
        main.merge(r);
      }
      if (validated != s.allOf.size()) {
        main.addError(OpenApiError.mustValidateAll(path, validated == 0 ? ". None validated" : ""));
      }
    }
    if (s.not != null && schema(s.not, path, data, corr).isValid()) {
      main.addError(OpenApiError.mustNotValidate(path));
    }
    main.inc();
    return main;
  }

  /** Upstream {@code schemaSliceValidator}: items, then minItems, maxItems, uniqueItems. */
  private static OpenApiResult array(JsonSchemaProps s, String path, JsonNode data, Correlation corr) {
    OpenApiResult result = new OpenApiResult();
    int size = data.size();
    if (s.items != null) {
      for (int i = 0; i < size; i++) {
        Correlation child = corr == null ? null : corr.index(i);
        result.merge(node(s.items, path + "[" + i + "]", data.get(i), child));
      }
    }
    for (int i = 0; i < s.itemsArray.size() && i < size; i++) {
      Correlation child = corr == null ? null : corr.index(i);
      result.merge(node(s.itemsArray.get(i), path + "[" + i + "]", data.get(i), child));
    }
    if (s.minItems != null && size < s.minItems) {
      result.addError(OpenApiError.tooFewItems(path, s.minItems, size));
    }
    if (s.maxItems != null && size > s.maxItems) {
      result.addError(OpenApiError.tooManyItems(path, s.maxItems, size));
    }
    if (s.uniqueItems && hasDuplicates(data)) {
      result.addError(OpenApiError.duplicateItems(path));
    }
    result.inc();
    return result;
  }

  private static boolean hasDuplicates(JsonNode array) {
    for (int i = 1; i < array.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (GoJson.deepEqual(array.get(i), array.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Upstream {@code objectValidator}: property counts, forbidden or additional properties, declared
   * properties, then required ones. A present key with a null value satisfies {@code required}.
   */
  private static OpenApiResult object(JsonSchemaProps s, String path, JsonNode data, Correlation corr) {
    OpenApiResult result = new OpenApiResult();
    long keys = data.size();
    if (s.minProperties != null && keys < s.minProperties) {
      result.addError(OpenApiError.tooFewProperties(path, s.minProperties, keys));
    }
    if (s.maxProperties != null && keys > s.maxProperties) {
      result.addError(OpenApiError.tooManyProperties(path, s.maxProperties, keys));
    }
    if (s.additionalProperties != null && !s.additionalProperties.allows()) {
      for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!s.properties.containsKey(key)) {
          result.addError(OpenApiError.propertyNotAllowed(path, key));
        }
      }
    } else if (s.additionalPropertiesSchema() != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!s.properties.containsKey(e.getKey())) {
          Correlation child = childCorrelation(corr, path, e.getKey());
          result.merge(node(s.additionalPropertiesSchema(), path + "." + e.getKey(), e.getValue(), child));
        }
      }
    }
    for (Map.Entry<String, JsonSchemaProps> p : s.properties.entrySet()) {
      JsonNode value = data.get(p.getKey());
      if (value != null) {
        String childPath = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
        result.merge(node(p.getValue(), childPath, value, childCorrelation(corr, path, p.getKey())));
      }
    }
    for (String k : s.required) {
      if (!data.has(k)) {
        result.addError(OpenApiError.required(path + "." + k));
      }
    }
    return result;
  }

  /** At the root, kind and apiVersion are never ratcheted: old and new are converted to the same version. */
  private static Correlation childCorrelation(Correlation corr, String path, String key) {
    if (corr == null || path.isEmpty() && (key.equals("kind") || key.equals("apiVersion"))) {
      return null;
    }
    return corr.key(key);
  }
}
