package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.FieldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * apiextensions' {@code defaulting.ValidateDefaults}: every {@code default} must be pruned (no unknown fields),
 * must validate against its own schema node, and inside {@code apiVersion}/{@code kind}/{@code metadata} of an
 * embedded resource must produce valid metadata. Walks {@code items} and {@code properties} only, as upstream.
 * Messages name fields relative to the defaulted node:
 * {@code ...properties[replicas].default: Invalid value: "string":  in body must be of type integer: "string"}.
 */
final class DefaultValueRules {
  private DefaultValueRules() {}

  static List<FieldError> validate(String path, JsonSchemaProps root, boolean requirePruned) {
    List<FieldError> errs = new ArrayList<>();
    walk(path, root, root, true, UnaryOperator.identity(), false, requirePruned, errs);
    return errs;
  }

  /**
   * @param surround  wraps a value into the object it sits in, up to the enclosing resource root
   * @param embedded  whether {@code s} is treated as an embedded resource (true at the root)
   */
  private static void walk(String path, JsonSchemaProps s, JsonSchemaProps resourceRoot, boolean embedded,
      UnaryOperator<JsonNode> surround, boolean insideMeta, boolean requirePruned, List<FieldError> errs) {
    if (s == null) {
      return;
    }
    if (s.xEmbeddedResource && !embedded) {
      embedded = true;
      insideMeta = false;
      surround = UnaryOperator.identity();
      resourceRoot = s;
    }
    String defaultPath = path + ".default";
    if (s.defaultValue != null) {
      if (insideMeta) {
        ObjectNode whole = withTypeMeta(surround.apply(s.defaultValue.deepCopy()));
        List<FieldError> metaErrors = EmbeddedResourceValidation.validate(null, whole, resourceRoot, true);
        if (!metaErrors.isEmpty()) {
          errs.add(new FieldError(defaultPath, FieldError.Type.INVALID, GoJson.badValue(s.defaultValue),
              "must result in valid metadata: " + FieldErrors.aggregate(metaErrors)));
        } else {
          errs.addAll(schemaErrors(defaultPath, s));
        }
      } else {
        if (requirePruned) {
          JsonNode pruned = s.defaultValue.deepCopy();
          StructuralPruning.prune(s, pruned, embedded);
          if (!GoJson.deepEqual(pruned, s.defaultValue)) {
            errs.add(new FieldError(defaultPath, FieldError.Type.INVALID, GoJson.badValue(s.defaultValue),
                "must not have unknown fields"));
          }
        }
        List<FieldError> embeddedErrors =
            EmbeddedResourceValidation.validate(defaultPath, s.defaultValue, s, embedded);
        if (!embeddedErrors.isEmpty()) {
          errs.addAll(embeddedErrors);
        } else {
          errs.addAll(schemaErrors(defaultPath, s));
        }
      }
    }
    final UnaryOperator<JsonNode> outer = surround;
    if (s.items != null) {
      UnaryOperator<JsonNode> inList = v -> outer.apply(JsonNodeFactory.instance.arrayNode().add(v));
      walk(path + ".items", s.items, resourceRoot, false, inList, insideMeta, requirePruned, errs);
    }
    for (Map.Entry<String, JsonSchemaProps> p : s.properties.entrySet()) {
      String k = p.getKey();
      boolean subInsideMeta = insideMeta
          || s == resourceRoot && (k.equals("metadata") || k.equals("apiVersion") || k.equals("kind"));
      UnaryOperator<JsonNode> inObject = v -> {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set(k, v);
        return outer.apply(o);
      };
      walk(path + ".properties[" + k + "]", p.getValue(), resourceRoot, false, inObject, subInsideMeta,
          requirePruned, errs);
    }
  }

  /** The surrounding object gets the fake TypeMeta upstream uses, unless the default sets its own. */
  private static ObjectNode withTypeMeta(JsonNode surrounding) {
    ObjectNode obj = surrounding instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    if (!obj.has("kind")) {
      obj.put("kind", "Validation");
    }
    if (!obj.has("apiVersion")) {
      obj.put("apiVersion", "validation/v1");
    }
    return obj;
  }

  private static List<FieldError> schemaErrors(String path, JsonSchemaProps s) {
    return OpenApiErrors.toFieldErrors(path, SchemaValidation.validate(s, s.defaultValue, null));
  }
}
