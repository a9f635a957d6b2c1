package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.meta.names.NameFormats;
import dev.gatehouse.kube.meta.names.NameRule;
import dev.gatehouse.kube.meta.names.ObjectMetaValidator;
import dev.gatehouse.kube.meta.validation.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * apiextensions' {@code objectmeta.Validate}: every object under {@code x-kubernetes-embedded-resource: true}
 * needs a string {@code apiVersion} and {@code kind} (metadata is optional), and its metadata is validated as
 * ObjectMeta with path-segment names (an empty name counts as {@code fakename}).
 */
final class EmbeddedResourceValidation {
  private EmbeddedResourceValidation() {}

  /**
   * @param isResourceRoot whether {@code object} is a whole resource, validated as embedded even if the schema
   *                       does not say so (defaults at the root are checked this way); custom resources
   *                       themselves are validated with {@code false}, their metadata being checked elsewhere
   */
  static List<FieldError> validate(String path, JsonNode object, JsonSchemaProps s, boolean isResourceRoot) {
    List<FieldError> errs = new ArrayList<>();
    if (isResourceRoot && (s == null || !s.xEmbeddedResource)) {
      if (object.isObject()) {
        validateEmbedded(path, object, errs);
      }
      if (s == null) {
        return errs;
      }
      walkChildren(path, object, s, errs);
      return errs;
    }
    walk(path, object, s, errs);
    return errs;
  }

  private static void walk(String path, JsonNode x, JsonSchemaProps s, List<FieldError> errs) {
    if (s == null) {
      return;
    }
    if (x.isObject() && s.xEmbeddedResource) {
      validateEmbedded(path, x, errs);
    }
    walkChildren(path, x, s, errs);
  }

  private static void walkChildren(String path, JsonNode x, JsonSchemaProps s, List<FieldError> errs) {
    if (x.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonSchemaProps prop = s.properties.get(e.getKey());
        if (prop != null) {
          walk(Paths.child(path, e.getKey()), e.getValue(), prop, errs);
        } else if (s.additionalProperties != null) {
          walk(Paths.key(path, e.getKey()), e.getValue(), s.additionalPropertiesSchema(), errs);
        }
      }
    } else if (x.isArray()) {
      for (int i = 0; i < x.size(); i++) {
        walk(Paths.index(path, i), x.get(i), s.items, errs);
      }
    }
  }

  private static void validateEmbedded(String path, JsonNode x, List<FieldError> errs) {
    if (!x.has("apiVersion")) {
      errs.add(new FieldError(Paths.child(path, "apiVersion"), FieldError.Type.REQUIRED, "", "must not be empty"));
    }
    if (!x.has("kind")) {
      errs.add(new FieldError(Paths.child(path, "kind"), FieldError.Type.REQUIRED, "", "must not be empty"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "apiVersion" -> apiVersion(Paths.child(path, "apiVersion"), v, errs);
        case "kind" -> kind(Paths.child(path, "kind"), v, errs);
        case "metadata" -> metadata(Paths.child(path, "metadata"), v, errs);
        default -> {
        }
      }
    }
  }

  private static void apiVersion(String path, JsonNode v, List<FieldError> errs) {
    if (!v.isTextual()) {
      errs.add(new FieldError(path, FieldError.Type.INVALID, GoJson.badValue(v), "must be a string"));
    } else if (v.asText().isEmpty()) {
      errs.add(new FieldError(path, FieldError.Type.INVALID, "", "must not be empty"));
    } else if (!v.asText().equals("/") && v.asText().chars().filter(c -> c == '/').count() > 1) {
      errs.add(new FieldError(path, FieldError.Type.INVALID, v.asText(),
          "unexpected GroupVersion string: " + v.asText()));
    }
  }

  private static void kind(String path, JsonNode v, List<FieldError> errs) {
    if (!v.isTextual()) {
      errs.add(new FieldError(path, FieldError.Type.INVALID, GoJson.badValue(v), "must be a string"));
      return;
    }
    String kind = v.asText();
    if (kind.isEmpty()) {
      errs.add(new FieldError(path, FieldError.Type.INVALID, "", "must not be empty"));
      return;
    }
    List<String> problems = NameFormats.dns1035Label(kind.toLowerCase(Locale.ROOT));
    if (!problems.isEmpty()) {
      errs.add(new FieldError(path, FieldError.Type.INVALID, kind,
          "may have mixed case, but should otherwise match: " + String.join(",", problems)));
    }
  }

  /**
   * Decoded as ObjectMeta, then {@code ValidateObjectMeta} with path-segment names; the namespace is checked
   * only when set. Type errors inside metadata are rejected earlier, when the request is decoded.
   */
  private static void metadata(String path, JsonNode v, List<FieldError> errs) {
    if (!v.isObject() && !GoJson.isNull(v)) {
      String jsonType = switch (GoJson.kind(v)) {
        case STRING -> "string";
        case ARRAY -> "array";
        case BOOL -> "bool";
        default -> "number";
      };
      errs.add(new FieldError(path, FieldError.Type.INVALID, GoJson.badValue(v),
          "json: cannot unmarshal " + jsonType + " into Go value of type v1.ObjectMeta"));
      return;
    }
    ObjectNode meta = v.isObject() ? ((ObjectNode) v).deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (meta.path("name").asText("").isEmpty()) {
      meta.put("name", "fakename");
    }
    boolean namespaced = !meta.path("namespace").asText("").isEmpty();
    for (FieldError e : ObjectMetaValidator.validateCreate(meta, namespaced, NameRule.PATH_SEGMENT)) {
      String rest = e.field().startsWith("metadata") ? e.field().substring("metadata".length()) : "." + e.field();
      errs.add(new FieldError(path + rest, e.type(), e.badValue(), e.detail()));
    }
  }
}
