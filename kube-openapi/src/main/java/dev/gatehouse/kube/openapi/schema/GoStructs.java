package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.GoFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code %#v} of the internal apiextensions structs that some CRD errors carry as their bad value, e.g.
 * {@code spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{...}: must have exactly
 * one version marked as storage version}. Non-nil pointers print as an address in Go; that address is not
 * reproducible, so a fixed placeholder is printed instead.
 */
final class GoStructs {
  private GoStructs() {}

  static final String ADDRESS = "0xc000000000";

  static GoFormat.GoLiteral versions(CrdModel crd) {
    String type = "[]apiextensions.CustomResourceDefinitionVersion";
    if (crd.versionsNil) {
      return new GoFormat.GoLiteral(type + "(nil)");
    }
    List<String> items = new ArrayList<>();
    for (CrdModel.Version v : crd.versions) {
      items.add("apiextensions.CustomResourceDefinitionVersion{Name:" + GoFormat.quote(v.name())
          + ", Served:" + v.served() + ", Storage:" + v.storage() + ", Deprecated:" + v.deprecated()
          + ", DeprecationWarning:" + pointer("string", v.deprecationWarning() != null)
          + ", Schema:" + pointer("apiextensions.CustomResourceValidation", v.schema() != null)
          + ", Subresources:" + pointer("apiextensions.CustomResourceSubresources", v.subresources() != null)
          + ", AdditionalPrinterColumns:" + columns(v.columns())
          + ", SelectableFields:" + selectableFields(v.selectableFields()) + "}");
    }
    return new GoFormat.GoLiteral(type + "{" + String.join(", ", items) + "}");
  }

  private static String columns(JsonNode columns) {
    String type = "[]apiextensions.CustomResourceColumnDefinition";
    if (columns == null) {
      return type + "(nil)";
    }
    List<String> items = new ArrayList<>();
    for (JsonNode c : columns) {
      items.add("apiextensions.CustomResourceColumnDefinition{Name:" + q(c, "name") + ", Type:" + q(c, "type")
          + ", Format:" + q(c, "format") + ", Description:" + q(c, "description") + ", Priority:"
          + c.path("priority").asInt(0) + ", JSONPath:" + q(c, "jsonPath") + "}");
    }
    return type + "{" + String.join(", ", items) + "}";
  }

  private static String selectableFields(JsonNode fields) {
    String type = "[]apiextensions.SelectableField";
    if (fields == null) {
      return type + "(nil)";
    }
    List<String> items = new ArrayList<>();
    for (JsonNode f : fields) {
      items.add("apiextensions.SelectableField{JSONPath:" + q(f, "jsonPath") + "}");
    }
    return type + "{" + String.join(", ", items) + "}";
  }

  /** {@code %#v} of an internal {@code JSONSchemaProps} value. */
  static GoFormat.GoLiteral schemaProps(JsonSchemaProps s) {
    return new GoFormat.GoLiteral(props(s));
  }

  /** {@code %#v} of {@code JSONSchemaPropsOrArray} (what {@code items} holds). */
  static GoFormat.GoLiteral itemsOrArray(JsonSchemaProps s) {
    List<String> array = new ArrayList<>();
    s.itemsArray.forEach(i -> array.add(props(i)));
    String schemas = s.itemsArray.isEmpty() && s.items != null ? "[]apiextensions.JSONSchemaProps(nil)"
        : "[]apiextensions.JSONSchemaProps{" + String.join(", ", array) + "}";
    return new GoFormat.GoLiteral("apiextensions.JSONSchemaPropsOrArray{Schema:"
        + pointer("apiextensions.JSONSchemaProps", s.items != null) + ", JSONSchemas:" + schemas + "}");
  }

  private static String props(JsonSchemaProps s) {
    JsonNode n = s.raw;
    return "apiextensions.JSONSchemaProps{ID:" + GoFormat.quote(s.id) + ", Schema:" + GoFormat.quote(s.schemaUrl)
        + ", Ref:" + pointer("string", s.ref != null) + ", Description:" + GoFormat.quote(s.description)
        + ", Type:" + GoFormat.quote(s.type) + ", Nullable:" + s.nullable + ", Format:" + GoFormat.quote(s.format)
        + ", Title:" + GoFormat.quote(s.title) + ", Default:" + pointer("apiextensions.JSON", s.defaultValue != null)
        + ", Maximum:" + pointer("float64", s.maximum != null) + ", ExclusiveMaximum:" + s.exclusiveMaximum
        + ", Minimum:" + pointer("float64", s.minimum != null) + ", ExclusiveMinimum:" + s.exclusiveMinimum
        + ", MaxLength:" + pointer("int64", s.maxLength != null)
        + ", MinLength:" + pointer("int64", s.minLength != null) + ", Pattern:" + GoFormat.quote(s.pattern)
        + ", MaxItems:" + pointer("int64", s.maxItems != null) + ", MinItems:" + pointer("int64", s.minItems != null)
        + ", UniqueItems:" + s.uniqueItems + ", MultipleOf:" + pointer("float64", s.multipleOf != null)
        + ", Enum:" + enumValues(s) + ", MaxProperties:" + pointer("int64", s.maxProperties != null)
        + ", MinProperties:" + pointer("int64", s.minProperties != null)
        + ", Required:" + stringSlice(n.get("required"))
        + ", Items:" + pointer("apiextensions.JSONSchemaPropsOrArray", n.hasNonNull("items"))
        + ", AllOf:" + propsSlice(s.allOf, n.has("allOf")) + ", OneOf:" + propsSlice(s.oneOf, n.has("oneOf"))
        + ", AnyOf:" + propsSlice(s.anyOf, n.has("anyOf"))
        + ", Not:" + pointer("apiextensions.JSONSchemaProps", s.not != null)
        + ", Properties:" + propsMap("map[string]apiextensions.JSONSchemaProps", n.get("properties"), s.properties)
        + ", AdditionalProperties:" + pointer("apiextensions.JSONSchemaPropsOrBool", s.additionalProperties != null)
        + ", PatternProperties:" + propsMap("map[string]apiextensions.JSONSchemaProps", n.get("patternProperties"),
            s.patternProperties)
        + ", Dependencies:apiextensions.JSONSchemaDependencies" + (s.hasDependencies ? "{}" : "(nil)")
        + ", AdditionalItems:" + pointer("apiextensions.JSONSchemaPropsOrBool", s.additionalItems != null)
        + ", Definitions:" + propsMap("apiextensions.JSONSchemaDefinitions", n.get("definitions"), s.definitions)
        + ", ExternalDocs:" + pointer("apiextensions.ExternalDocumentation", n.hasNonNull("externalDocs"))
        + ", Example:" + pointer("apiextensions.JSON", n.hasNonNull("example"))
        + ", XPreserveUnknownFields:" + pointer("bool", s.xPreserveUnknownFields != null)
        + ", XEmbeddedResource:" + s.xEmbeddedResource + ", XIntOrString:" + s.xIntOrString
        + ", XListMapKeys:" + stringSlice(n.get("x-kubernetes-list-map-keys"))
        + ", XListType:" + pointer("string", s.xListType != null) + ", XMapType:" + pointer("string", s.xMapType != null)
        + ", XValidations:" + validationRules(n.get("x-kubernetes-validations")) + "}";
  }

  private static String enumValues(JsonSchemaProps s) {
    if (s.enumValues == null) {
      return "[]apiextensions.JSON(nil)";
    }
    List<String> items = new ArrayList<>();
    s.enumValues.forEach(v -> items.add(GoJson.isNull(v) ? "interface {}(nil)" : GoJson.sharpV(v)));
    return "[]apiextensions.JSON{" + String.join(", ", items) + "}";
  }

  private static String propsSlice(List<JsonSchemaProps> list, boolean present) {
    if (!present) {
      return "[]apiextensions.JSONSchemaProps(nil)";
    }
    List<String> items = new ArrayList<>();
    list.forEach(p -> items.add(props(p)));
    return "[]apiextensions.JSONSchemaProps{" + String.join(", ", items) + "}";
  }

  private static String propsMap(String type, JsonNode raw, java.util.Map<String, JsonSchemaProps> map) {
    if (raw == null || raw.isNull()) {
      return type + "(nil)";
    }
    List<String> keys = new ArrayList<>(map.keySet());
    keys.sort(GoJson::compareGoStrings);
    List<String> items = new ArrayList<>();
    keys.forEach(k -> items.add(GoFormat.quote(k) + ":" + props(map.get(k))));
    return type + "{" + String.join(", ", items) + "}";
  }

  private static String validationRules(JsonNode rules) {
    if (rules == null || rules.isNull()) {
      return "apiextensions.ValidationRules(nil)";
    }
    List<String> items = new ArrayList<>();
    for (JsonNode r : rules) {
      items.add("apiextensions.ValidationRule{Rule:" + q(r, "rule") + ", Message:" + q(r, "message")
          + ", MessageExpression:" + q(r, "messageExpression")
          + ", Reason:" + pointer("apiextensions.FieldValueErrorReason", r.hasNonNull("reason"))
          + ", FieldPath:" + q(r, "fieldPath") + ", OptionalOldSelf:" + pointer("bool", r.hasNonNull("optionalOldSelf"))
          + "}");
    }
    return "apiextensions.ValidationRules{" + String.join(", ", items) + "}";
  }

  private static String stringSlice(JsonNode array) {
    if (array == null || !array.isArray()) {
      return "[]string(nil)";
    }
    List<String> items = new ArrayList<>();
    array.forEach(v -> items.add(GoFormat.quote(v.asText())));
    return "[]string{" + String.join(", ", items) + "}";
  }

  private static String pointer(String type, boolean set) {
    return "(*" + type + ")(" + (set ? ADDRESS : "nil") + ")";
  }

  private static String q(JsonNode n, String field) {
    return GoFormat.quote(n.path(field).asText(""));
  }
}
