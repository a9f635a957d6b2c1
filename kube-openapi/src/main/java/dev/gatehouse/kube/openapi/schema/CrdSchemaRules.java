package dev.gatehouse.kube.openapi.schema;

import static dev.gatehouse.kube.openapi.schema.StructuralSchemaRules.forbidden;
import static dev.gatehouse.kube.openapi.schema.StructuralSchemaRules.invalid;
import static dev.gatehouse.kube.openapi.schema.StructuralSchemaRules.required;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.GoFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema part of {@code ValidateCustomResourceDefinition}: upstream's
 * {@code validateCustomResourceDefinitionValidation} and {@code ValidateCustomResourceDefinitionOpenAPISchema}.
 * CEL rules get their static checks (empty rule, message line breaks, reason) but are not compiled.
 */
final class CrdSchemaRules {
  private CrdSchemaRules() {}

  /** Options that depend on the old object on update (true on create). */
  record Options(boolean requireValidPropertyType, boolean requirePrunedDefaults, boolean requireAtomicSetType,
      boolean requireMapListKeysMapSetValidation) {
    static final Options CREATE = new Options(true, true, true, true);
  }

  private static final List<String> TYPES = List.of("array", "boolean", "integer", "number", "object", "string");
  private static final Set<String> META_FIELDS = Set.of("metadata", "kind", "apiVersion");
  private static final List<String> ROOT_FIELDS_WITH_STATUS = List.of("Description", "Type", "Format", "Title",
      "Maximum", "ExclusiveMaximum", "Minimum", "ExclusiveMinimum", "MaxLength", "MinLength", "Pattern", "MaxItems",
      "MinItems", "UniqueItems", "MultipleOf", "Required", "Items", "Properties", "ExternalDocs", "Example",
      "XPreserveUnknownFields", "XValidations");
  private static final List<String> REASONS = List.of("FieldValueDuplicate", "FieldValueForbidden",
      "FieldValueInvalid", "FieldValueRequired");

  /** Per-node context of upstream's {@code specStandardValidatorV3}. */
  private record Context(boolean allowDefaults, String disallowReason, boolean insideResourceMeta) {
    Context forbidDefaults(String reason) {
      return new Context(false, reason, insideResourceMeta);
    }

    Context insideMeta() {
      return new Context(allowDefaults, disallowReason, true);
    }
  }

  /**
   * @param wrapper the {@code schema} object ({@code {openAPIV3Schema: ...}}); null when absent
   * @param path    {@code spec.validation} or {@code spec.versions[i].schema}
   */
  static List<FieldError> validate(JsonNode wrapper, boolean statusEnabled, Options opts, String path) {
    List<FieldError> errs = new ArrayList<>();
    JsonSchemaProps schema = JsonSchemaProps.of(CrdModel.openApiSchema(wrapper));
    if (wrapper == null || schema == null) {
      return errs;
    }
    String schemaPath = path + ".openAPIV3Schema";
    if (statusEnabled) {
      statusRoot(schema, schemaPath, errs);
    }
    if (schema.nullable) {
      errs.add(forbidden(schemaPath + ".nullable", "nullable cannot be true at the root"));
    }
    List<FieldError> initErrors = new ArrayList<>();
    Optional<String> conversion = StructuralSchemaRules.conversionError(schema);
    if (conversion.isPresent()) {
      initErrors.add(invalid(schemaPath, "", conversion.get()));
    } else {
      List<FieldError> structural = StructuralSchemaRules.validate(schemaPath, schema);
      errs.addAll(structural.isEmpty()
          ? DefaultValueRules.validate(schemaPath, schema, opts.requirePrunedDefaults()) : structural);
    }
    openApiSchema(schema, schemaPath, new Context(true, "", false), true, opts, errs);
    if (errs.isEmpty()) {
      errs.addAll(initErrors);
    }
    return errs;
  }

  /** With the status subresource, the root may only use fields that survive extracting {@code status}. */
  private static void statusRoot(JsonSchemaProps s, String path, List<FieldError> errs) {
    for (String field : setRootFields(s)) {
      if (field.equals("Type")) {
        if (!s.type.equals("object")) {
          errs.add(invalid(path + ".type", s.type,
              "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled"));
          return;
        }
        continue;
      }
      if (!ROOT_FIELDS_WITH_STATUS.contains(field)) {
        errs.add(invalid(path, GoStructs.schemaProps(s), "only " + "[" + String.join(" ", ROOT_FIELDS_WITH_STATUS)
            + "] fields are allowed at the root of the schema if the status subresource is enabled"));
        return;
      }
    }
  }

  /** Names of the internal {@code JSONSchemaProps} fields that are set, in struct order. */
  private static List<String> setRootFields(JsonSchemaProps s) {
    JsonNode r = s.raw;
    List<String> out = new ArrayList<>();
    addIf(out, "ID", !s.id.isEmpty());
    addIf(out, "Schema", !s.schemaUrl.isEmpty());
    addIf(out, "Ref", s.ref != null);
    addIf(out, "Description", !s.description.isEmpty());
    addIf(out, "Type", !s.type.isEmpty());
    addIf(out, "Nullable", s.nullable);
    addIf(out, "Format", !s.format.isEmpty());
    addIf(out, "Title", !s.title.isEmpty());
    addIf(out, "Default", s.defaultValue != null);
    addIf(out, "Maximum", s.maximum != null);
    addIf(out, "ExclusiveMaximum", s.exclusiveMaximum);
    addIf(out, "Minimum", s.minimum != null);
    addIf(out, "ExclusiveMinimum", s.exclusiveMinimum);
    addIf(out, "MaxLength", s.maxLength != null);
    addIf(out, "MinLength", s.minLength != null);
    addIf(out, "Pattern", !s.pattern.isEmpty());
    addIf(out, "MaxItems", s.maxItems != null);
    addIf(out, "MinItems", s.minItems != null);
    addIf(out, "UniqueItems", s.uniqueItems);
    addIf(out, "MultipleOf", s.multipleOf != null);
    addIf(out, "Enum", s.enumValues != null);
    addIf(out, "MaxProperties", s.maxProperties != null);
    addIf(out, "MinProperties", s.minProperties != null);
    addIf(out, "Required", r.hasNonNull("required"));
    addIf(out, "Items", r.hasNonNull("items"));
    addIf(out, "AllOf", r.hasNonNull("allOf"));
    addIf(out, "OneOf", r.hasNonNull("oneOf"));
    addIf(out, "AnyOf", r.hasNonNull("anyOf"));
    addIf(out, "Not", s.not != null);
    addIf(out, "Properties", r.hasNonNull("properties"));
    addIf(out, "AdditionalProperties", s.additionalProperties != null);
    addIf(out, "PatternProperties", r.hasNonNull("patternProperties"));
    addIf(out, "Dependencies", r.hasNonNull("dependencies"));
    addIf(out, "AdditionalItems", s.additionalItems != null);
    addIf(out, "Definitions", r.hasNonNull("definitions"));
    addIf(out, "ExternalDocs", r.hasNonNull("externalDocs"));
    addIf(out, "Example", r.hasNonNull("example"));
    addIf(out, "XPreserveUnknownFields", s.xPreserveUnknownFields != null);
    addIf(out, "XEmbeddedResource", s.xEmbeddedResource);
    addIf(out, "XIntOrString", s.xIntOrString);
    addIf(out, "XListMapKeys", r.hasNonNull("x-kubernetes-list-map-keys"));
    addIf(out, "XListType", s.xListType != null);
    addIf(out, "XMapType", s.xMapType != null);
    addIf(out, "XValidations", r.hasNonNull("x-kubernetes-validations"));
    return out;
  }

  private static void addIf(List<String> out, String name, boolean set) {
    if (set) {
      out.add(name);
    }
  }

  private static void openApiSchema(JsonSchemaProps s, String path, Context ctx, boolean isRoot, Options opts,
      List<FieldError> errs) {
    if (s == null) {
      return;
    }
    standard(s, path, ctx, opts, errs);
    if (s.uniqueItems) {
      errs.add(forbidden(path + ".uniqueItems",
          "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
    }
    if (s.additionalProperties != null) {
      if (!s.properties.isEmpty() && (!s.additionalProperties.allows() || s.additionalProperties.schema() != null)) {
        errs.add(forbidden(path + ".additionalProperties", "additionalProperties and properties are mutual exclusive"));
      }
      Context sub = ctx.insideResourceMeta() ? ctx.forbidDefaults("inside additionalProperties applying to object metadata")
          : ctx;
      openApiSchema(s.additionalPropertiesSchema(), path + ".additionalProperties", sub, false, opts, errs);
    }
    for (Map.Entry<String, JsonSchemaProps> p : s.properties.entrySet()) {
      Context sub = ctx;
      if ((isRoot || s.xEmbeddedResource) && META_FIELDS.contains(p.getKey())) {
        sub = sub.insideMeta();
        if (isRoot) {
          sub = sub.forbidDefaults("in top-level " + p.getKey());
        }
      }
      openApiSchema(p.getValue(), path + ".properties[" + p.getKey() + "]", sub, false, opts, errs);
    }
    openApiSchema(s.not, path + ".not", ctx, false, opts, errs);
    composed(s.allOf, path + ".allOf", ctx, opts, errs);
    composed(s.oneOf, path + ".oneOf", ctx, opts, errs);
    composed(s.anyOf, path + ".anyOf", ctx, opts, errs);
    for (Map.Entry<String, JsonSchemaProps> d : s.definitions.entrySet()) {
      openApiSchema(d.getValue(), path + ".definitions[" + d.getKey() + "]", ctx, false, opts, errs);
    }
    openApiSchema(s.items, path + ".items", ctx, false, opts, errs);
    composed(s.itemsArray, path + ".items", ctx, opts, errs);
    extensions(s, path, opts, errs);
    if (opts.requireMapListKeysMapSetValidation()) {
      mapListKeysMapSet(s, path, errs);
    }
    celRules(s, path, errs);
  }

  private static void composed(List<JsonSchemaProps> list, String path, Context ctx, Options opts,
      List<FieldError> errs) {
    for (int i = 0; i < list.size(); i++) {
      openApiSchema(list.get(i), path + "[" + i + "]", ctx, false, opts, errs);
    }
  }

  /** Upstream {@code specStandardValidatorV3.validate}. */
  private static void standard(JsonSchemaProps s, String path, Context ctx, Options opts, List<FieldError> errs) {
    if (opts.requireValidPropertyType() && !s.type.isEmpty() && !TYPES.contains(s.type)) {
      errs.add(notSupported(path + ".type", s.type, TYPES));
    }
    if (s.defaultValue != null && !ctx.allowDefaults()) {
      String detail = "must not be set" + (ctx.disallowReason().isEmpty() ? "" : " " + ctx.disallowReason());
      errs.add(forbidden(path + ".default", detail));
    }
    if (!s.id.isEmpty()) {
      errs.add(forbidden(path + ".id", "id is not supported"));
    }
    if (s.additionalItems != null) {
      errs.add(forbidden(path + ".additionalItems", "additionalItems is not supported"));
    }
    if (!s.patternProperties.isEmpty()) {
      errs.add(forbidden(path + ".patternProperties", "patternProperties is not supported"));
    }
    if (!s.definitions.isEmpty()) {
      errs.add(forbidden(path + ".definitions", "definitions is not supported"));
    }
    if (s.raw.hasNonNull("dependencies")) {
      errs.add(forbidden(path + ".dependencies", "dependencies is not supported"));
    }
    if (s.ref != null) {
      errs.add(forbidden(path + ".$ref", "$ref is not supported"));
    }
    if (s.type.equals("null")) {
      errs.add(forbidden(path + ".type", "type cannot be set to null, use nullable as an alternative"));
    }
    if (!s.itemsArray.isEmpty()) {
      errs.add(forbidden(path + ".items", "items must be a schema object and not an array"));
    }
    if (ctx.insideResourceMeta() && s.xEmbeddedResource) {
      errs.add(forbidden(path + ".x-kubernetes-embedded-resource", "must not be used inside of resource meta"));
    }
  }

  /** The x-kubernetes-map-type / list-type / list-map-keys rules. */
  private static void extensions(JsonSchemaProps s, String path, Options opts, List<FieldError> errs) {
    if (Boolean.FALSE.equals(s.xPreserveUnknownFields)) {
      errs.add(invalid(path + ".x-kubernetes-preserve-unknown-fields", false, "must be true or undefined"));
    }
    if (s.xMapType != null && !s.type.equals("object")) {
      String msg = "must be object if x-kubernetes-map-type is specified";
      errs.add(s.type.isEmpty() ? required(path + ".type", msg) : invalid(path + ".type", s.type, msg));
    }
    if (s.xMapType != null && !s.xMapType.equals("atomic") && !s.xMapType.equals("granular")) {
      errs.add(notSupported(path + ".x-kubernetes-map-type", s.xMapType, List.of("atomic", "granular")));
    }
    if (s.xListType != null && !s.type.equals("array")) {
      String msg = "must be array if x-kubernetes-list-type is specified";
      errs.add(s.type.isEmpty() ? required(path + ".type", msg) : invalid(path + ".type", s.type, msg));
    } else if (opts.requireAtomicSetType() && "set".equals(s.xListType) && s.items != null) {
      JsonSchemaProps items = s.items;
      String msg = "must be atomic as item of a list with x-kubernetes-list-type=set";
      if (items.type.equals("array") && items.xListType != null && !items.xListType.equals("atomic")) {
        errs.add(invalid(path + ".items.x-kubernetes-list-type", items.xListType, msg));
      } else if (items.type.equals("object") && !"atomic".equals(items.xMapType)) {
        // Upstream reports the items' list type here (usually unset, printed as "null").
        errs.add(invalid(path + ".items.x-kubernetes-map-type",
            items.xListType == null ? new GoFormat.GoLiteral("\"null\"") : items.xListType, msg));
      }
    }
    if (s.xListType != null && !List.of("atomic", "set", "map").contains(s.xListType)) {
      errs.add(notSupported(path + ".x-kubernetes-list-type", s.xListType, List.of("atomic", "set", "map")));
    }
    if (!s.xListMapKeys.isEmpty()) {
      String msg = "must be map if x-kubernetes-list-map-keys is non-empty";
      if (s.xListType == null) {
        errs.add(required(path + ".x-kubernetes-list-type", msg));
      } else if (!s.xListType.equals("map")) {
        errs.add(invalid(path + ".x-kubernetes-list-type", s.xListType, msg));
      }
    }
    if ("map".equals(s.xListType)) {
      mapList(s, path, errs);
    }
  }

  private static void mapList(JsonSchemaProps s, String path, List<FieldError> errs) {
    if (s.xListMapKeys.isEmpty()) {
      errs.add(required(path + ".x-kubernetes-list-map-keys", "must not be empty if x-kubernetes-list-type is map"));
    }
    boolean hasItems = s.raw.hasNonNull("items");
    if (!hasItems) {
      errs.add(required(path + ".items", "must have a schema if x-kubernetes-list-type is map"));
    }
    if (hasItems && s.items == null) {
      errs.add(invalid(path + ".items", GoStructs.itemsOrArray(s),
          "must only have a single schema if x-kubernetes-list-type is map"));
    }
    if (s.items != null && !s.items.type.equals("object")) {
      errs.add(invalid(path + ".items.type", s.items.type, "must be object if parent array's x-kubernetes-list-type is map"));
    }
    if (s.items != null && s.items.type.equals("object")) {
      Set<String> seen = new HashSet<>();
      for (String k : s.xListMapKeys) {
        JsonSchemaProps key = s.items.properties.get(k);
        if (key != null) {
          if (key.type.equals("array") || key.type.equals("object")) {
            errs.add(invalid(path + ".items.properties[" + k + "].type", s.items.type,
                "must be a scalar type if parent array's x-kubernetes-list-type is map"));
          }
        } else {
          errs.add(invalid(path + ".x-kubernetes-list-map-keys", s.xListMapKeys,
              "entries must all be names of item properties"));
        }
        if (!seen.add(k)) {
          errs.add(invalid(path + ".x-kubernetes-list-map-keys", s.xListMapKeys, "must not contain duplicate entries"));
        }
      }
    }
  }

  /** Upstream {@code validateMapListKeysMapSet}. */
  static void mapListKeysMapSet(JsonSchemaProps s, String path, List<FieldError> errs) {
    if (s.items == null || s.xListType == null || !(s.xListType.equals("set") || s.xListType.equals("map"))) {
      return;
    }
    if (s.items.nullable) {
      errs.add(forbidden(path + ".items.nullable", "cannot be nullable when x-kubernetes-list-type is " + s.xListType));
    }
    if (s.xListType.equals("map")) {
      for (String k : s.xListMapKeys) {
        JsonSchemaProps key = s.items.properties.get(k);
        if (key == null) {
          continue;
        }
        String keyPath = path + ".items.properties[" + k + "]";
        if (!s.items.required.contains(k) && key.defaultValue == null) {
          errs.add(required(keyPath + ".default",
              "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
        }
        if (key.nullable) {
          errs.add(forbidden(keyPath + ".nullable", "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"));
        }
      }
    }
  }

  /** The static checks of x-kubernetes-validations; rules are neither compiled nor costed. */
  private static void celRules(JsonSchemaProps s, String path, List<FieldError> errs) {
    if (s.xValidations == null) {
      return;
    }
    for (int i = 0; i < s.xValidations.size(); i++) {
      JsonNode rule = s.xValidations.get(i);
      String p = path + ".x-kubernetes-validations[" + i + "]";
      String ruleText = rule.path("rule").asText("");
      String message = rule.path("message").asText("");
      String messageExpression = rule.path("messageExpression").asText("");
      String fieldPath = rule.path("fieldPath").asText("");
      if (ruleText.strip().isEmpty()) {
        errs.add(required(p + ".rule", "rule is not specified"));
      } else if (!message.isEmpty() && message.strip().isEmpty()) {
        errs.add(invalid(p + ".message", message, "message must be non-empty if specified"));
      } else if (hasNewlines(message.strip())) {
        errs.add(invalid(p + ".message", message, "message must not contain line breaks"));
      } else if (hasNewlines(ruleText.strip()) && message.strip().isEmpty()) {
        errs.add(required(p + ".message", "message must be specified if rule contains line breaks"));
      }
      if (!messageExpression.isEmpty() && messageExpression.strip().isEmpty()) {
        errs.add(required(p + ".messageExpression", "messageExpression must be non-empty if specified"));
      }
      if (rule.hasNonNull("reason") && !REASONS.contains(rule.get("reason").asText())) {
        errs.add(notSupported(p + ".reason", rule.get("reason").asText(), REASONS));
      }
      if (!fieldPath.isEmpty() && fieldPath.strip().isEmpty()) {
        errs.add(invalid(p + ".fieldPath", fieldPath, "fieldPath must be non-empty if specified"));
      }
      if (hasNewlines(fieldPath)) {
        errs.add(invalid(p + ".fieldPath", fieldPath, "fieldPath must not contain line breaks"));
      }
    }
  }

  private static boolean hasNewlines(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }

  static FieldError notSupported(String path, String value, List<String> supported) {
    StringBuilder detail = new StringBuilder("supported values: ");
    for (int i = 0; i < supported.size(); i++) {
      detail.append(i > 0 ? ", " : "").append(GoFormat.quote(supported.get(i)));
    }
    return new FieldError(path, FieldError.Type.NOT_SUPPORTED, value, detail.toString());
  }
}
