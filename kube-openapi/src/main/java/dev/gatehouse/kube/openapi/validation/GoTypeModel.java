package dev.gatehouse.kube.openapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.validation.GoType.GoAny;
import dev.gatehouse.kube.openapi.validation.GoType.GoIntOrString;
import dev.gatehouse.kube.openapi.validation.GoType.GoMap;
import dev.gatehouse.kube.openapi.validation.GoType.GoQuantity;
import dev.gatehouse.kube.openapi.validation.GoType.GoRaw;
import dev.gatehouse.kube.openapi.validation.GoType.GoScalar;
import dev.gatehouse.kube.openapi.validation.GoType.GoSlice;
import dev.gatehouse.kube.openapi.validation.GoType.GoTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reconstructs the Go types behind swagger definitions. A definition with {@code properties}, or an object without
 * {@code additionalProperties}, is a struct; a few apimachinery types with custom JSON unmarshalling are recognised
 * by name because their swagger shape ({@code type: string} or a bare {@code type: object}) hides their behaviour.
 */
final class GoTypeModel {
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  private static final String EXTENSIONS = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";
  /** Definitions whose UnmarshalJSON keeps or re-parses the raw bytes without strict checks. */
  private static final Map<String, String> RAW_TYPES = Map.of(
      "io.k8s.apimachinery.pkg.runtime.RawExtension", "runtime.RawExtension",
      META + "FieldsV1", "v1.FieldsV1",
      META + "Patch", "v1.Patch",
      EXTENSIONS + "JSON", "v1.JSON",
      EXTENSIONS + "JSONSchemaPropsOrArray", "v1.JSONSchemaPropsOrArray",
      EXTENSIONS + "JSONSchemaPropsOrBool", "v1.JSONSchemaPropsOrBool",
      EXTENSIONS + "JSONSchemaPropsOrStringArray", "v1.JSONSchemaPropsOrStringArray");

  private final JsonNode definitions;
  private final Map<String, GoType> byDefinition = new ConcurrentHashMap<>();

  GoTypeModel(JsonNode definitions) {
    this.definitions = definitions;
  }

  Optional<GoType> definition(String name) {
    GoType cached = byDefinition.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    JsonNode schema = definitions.get(name);
    if (schema == null) {
      return Optional.empty();
    }
    // Struct fields resolve lazily, so building never recurses into itself; a racing builder's result is dropped.
    GoType built = buildDefinition(name, schema);
    GoType raced = byDefinition.putIfAbsent(name, built);
    return Optional.of(raced != null ? raced : built);
  }

  private GoType buildDefinition(String name, JsonNode schema) {
    switch (name) {
      case "io.k8s.apimachinery.pkg.api.resource.Quantity":
        return new GoQuantity();
      case "io.k8s.apimachinery.pkg.util.intstr.IntOrString":
        return new GoIntOrString();
      case META + "Time":
        return GoTime.TIME;
      case META + "MicroTime":
        return GoTime.MICRO_TIME;
      default:
        break;
    }
    String raw = RAW_TYPES.get(name);
    if (raw != null) {
      return new GoRaw(raw);
    }
    boolean struct = schema.has("properties")
        || (schema.path("type").asText().equals("object") && !schema.has("additionalProperties"));
    if (!struct) {
      return typeOf(schema);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    schema.path("properties").properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    String simpleName = name.substring(name.lastIndexOf('.') + 1);
    return new GoStruct(simpleName, goPackage(name) + "." + simpleName, fields, s -> typeOf((JsonNode) s));
  }

  /** The Go type of an inline schema. */
  GoType typeOf(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      String target = ref.asText();
      String name = target.substring(target.lastIndexOf('/') + 1);
      return definition(name).orElseThrow(
          () -> new IllegalArgumentException("openapi: unresolvable reference " + target));
    }
    String format = schema.path("format").asText();
    switch (schema.path("type").asText()) {
      case "array":
        return new GoSlice(schema.has("items") ? typeOf(schema.get("items")) : new GoAny());
      case "object":
        JsonNode additional = schema.get("additionalProperties");
        return new GoMap(additional != null && additional.isObject() ? typeOf(additional) : new GoAny());
      case "string":
        if (format.equals("byte")) {
          return new GoScalar(GoScalar.Kind.BYTES);
        }
        if (format.equals("int-or-string")) {
          return new GoIntOrString();
        }
        return format.equals("date-time") ? GoTime.TIME : new GoScalar(GoScalar.Kind.STRING);
      case "integer":
        return new GoScalar(format.equals("int32") ? GoScalar.Kind.INT32 : GoScalar.Kind.INT64);
      case "number":
        return new GoScalar(GoScalar.Kind.FLOAT64);
      case "boolean":
        return new GoScalar(GoScalar.Kind.BOOL);
      default:
        return new GoAny();
    }
  }

  /** The Go package name: the segment before the type name, e.g. {@code v1} or {@code resource}. */
  private static String goPackage(String definitionName) {
    int typeDot = definitionName.lastIndexOf('.');
    int packageDot = definitionName.lastIndexOf('.', typeDot - 1);
    return definitionName.substring(packageDot + 1, typeDot);
  }
}
