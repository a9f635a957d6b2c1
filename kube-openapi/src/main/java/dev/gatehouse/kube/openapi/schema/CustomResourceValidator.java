package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Schema validation of custom resources, as kube-apiserver 1.32's {@code customResourceStrategy} does it after
 * pruning and defaulting: OpenAPI v3 schema validation (kube-openapi), embedded resources, then list-type
 * set/map uniqueness. Errors are rendered exactly as upstream, e.g.
 * {@code spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"}; build the 422
 * with {@code FieldErrors.invalidStatusMessage}, after the object's own metadata errors.
 *
 * <p>{@code x-kubernetes-validations} (CEL) rules are not evaluated; {@link #unevaluatedRules()} lists where
 * they are. Immutable and safe to share; build one per CRD version schema.
 */
public final class CustomResourceValidator {
  private final JsonSchemaProps schema;
  private final JsonSchemaProps statusSchema;
  private final List<String> celRules;

  private CustomResourceValidator(JsonSchemaProps schema) {
    this.schema = schema;
    this.statusSchema = schema == null ? null : schema.properties.get("status");
    this.celRules = schema == null ? List.of() : List.copyOf(celRulePaths(schema));
  }

  /**
   * @param openAPIV3Schema a version's {@code schema.openAPIV3Schema}; null (or JSON null) validates nothing
   */
  public static CustomResourceValidator forSchema(JsonNode openAPIV3Schema) {
    return new CustomResourceValidator(JsonSchemaProps.of(openAPIV3Schema));
  }

  /** Validation on create (and on update without ratcheting). */
  public List<FieldError> validate(JsonNode object) {
    if (schema == null) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>(
        OpenApiErrors.toFieldErrors(null, SchemaValidation.validate(schema, object, null)));
    errs.addAll(EmbeddedResourceValidation.validate(null, object, schema, false));
    errs.addAll(ListTypeValidation.validate(schema, object));
    return errs;
  }

  /**
   * Validation on update with ratcheting: errors in parts of the object that did not change are dropped, and
   * list-type errors are reported only if the old object had none.
   */
  public List<FieldError> validateUpdate(JsonNode newObject, JsonNode oldObject) {
    if (schema == null) {
      return List.of();
    }
    Correlation root = new Correlation(newObject, oldObject, schema);
    List<FieldError> errs = new ArrayList<>(
        OpenApiErrors.toFieldErrors(null, SchemaValidation.validate(schema, newObject, root)));
    errs.addAll(EmbeddedResourceValidation.validate(null, newObject, schema, false));
    if (ListTypeValidation.validate(schema, oldObject).isEmpty()) {
      errs.addAll(ListTypeValidation.validate(schema, newObject));
    }
    return errs;
  }

  /**
   * An update through the {@code status} subresource: only {@code status} is validated, against
   * {@code properties.status}, without ratcheting; paths start with {@code status} while messages name the
   * field relative to it ({@code status.replicas: Invalid value: "string": replicas in body must be ...}).
   */
  public List<FieldError> validateStatusUpdate(JsonNode newObject, JsonNode oldObject) {
    List<FieldError> errs = new ArrayList<>();
    if (statusSchema != null && newObject.has("status")) {
      errs.addAll(OpenApiErrors.toFieldErrors("status",
          SchemaValidation.validate(statusSchema, newObject.get("status"), null)));
    }
    if (schema != null) {
      List<FieldError> listErrors = ListTypeValidation.validate(schema, newObject);
      if (!listErrors.isEmpty() && ListTypeValidation.validate(schema, oldObject).isEmpty()) {
        errs.addAll(listErrors);
      }
    }
    return errs;
  }

  /**
   * Schema paths ({@code openAPIV3Schema.properties[spec]}) that carry {@code x-kubernetes-validations} rules,
   * which this validator does not evaluate.
   */
  public List<String> unevaluatedRules() {
    return celRules;
  }

  private static List<String> celRulePaths(JsonSchemaProps root) {
    List<String> out = new ArrayList<>();
    collect("openAPIV3Schema", root, out);
    return out;
  }

  private static void collect(String path, JsonSchemaProps s, List<String> out) {
    if (s == null) {
      return;
    }
    if (s.xValidations != null) {
      out.add(path);
    }
    for (Map.Entry<String, JsonSchemaProps> p : s.properties.entrySet()) {
      collect(path + ".properties[" + p.getKey() + "]", p.getValue(), out);
    }
    collect(path + ".additionalProperties", s.additionalPropertiesSchema(), out);
    collect(path + ".items", s.items, out);
    for (int i = 0; i < s.allOf.size(); i++) {
      collect(path + ".allOf[" + i + "]", s.allOf.get(i), out);
    }
  }
}
