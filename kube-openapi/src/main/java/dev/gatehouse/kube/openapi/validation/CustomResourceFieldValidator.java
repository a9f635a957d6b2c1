package dev.gatehouse.kube.openapi.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.openapi.validation.GoType.GoAny;
import dev.gatehouse.kube.openapi.validation.GoType.GoMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Field validation of a custom resource, after apiextensions-apiserver's {@code schemaCoercingDecoder}:
 * <ol>
 *   <li>decode into a map, which reports duplicate keys only;
 *   <li>{@code metadata} re-encoded (keys sorted) and strictly decoded as ObjectMeta: unknown fields as
 *       {@code metadata.x}, type errors fail the request;
 *   <li>pruning against the structural schema, paths sorted;
 *   <li>metadata of embedded resources checked the same way, paths sorted.
 * </ol>
 * Custom resources are decoded as unstructured data, so wrong value types are not decoding errors here (schema
 * validation reports them later as 422 Invalid); only metadata and embedded apiVersion/kind have type errors.
 */
final class CustomResourceFieldValidator implements FieldValidator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final GoType UNSTRUCTURED = new GoMap(new GoAny());

  private final StructuralSchema schema;
  private final GoStruct objectMeta;

  CustomResourceFieldValidator(StructuralSchema schema, GoStruct objectMeta) {
    this.schema = schema;
    this.objectMeta = objectMeta;
  }

  @Override
  public ValidationResult validate(JsonNode object) {
    StrictDecoder.Outcome decoded = DefinitionFieldValidator.decode(object.traverse(), UNSTRUCTURED);
    return validate(object, decoded);
  }

  @Override
  public ValidationResult validate(byte[] json) {
    StrictDecoder.Outcome decoded;
    try (JsonParser parser = DefinitionFieldValidator.JSON.createParser(json)) {
      decoded = DefinitionFieldValidator.decode(parser, UNSTRUCTURED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (decoded.fatalError().isPresent()) {
      return new ValidationResult(List.of(), List.of(decoded.fatalError().get()));
    }
    try {
      return validate(MAPPER.readTree(json), decoded);
    } catch (IOException e) {
      throw new IllegalArgumentException("openapi: request body is not valid JSON: " + e.getMessage(), e);
    }
  }

  private ValidationResult validate(JsonNode object, StrictDecoder.Outcome decoded) {
    if (decoded.fatalError().isPresent()) {
      return new ValidationResult(List.of(), List.of(decoded.fatalError().get()));
    }
    List<StrictError> errors = new ArrayList<>(decoded.strictErrors());
    if (object.has("metadata")) {
      MetadataCheck root = checkObjectMeta(object.get("metadata"), "metadata");
      if (root.fatalError().isPresent()) {
        return new ValidationResult(errors, List.of(root.fatalError().get()));
      }
      root.unknownPaths().forEach(path -> errors.add(unknown(path)));
    }
    List<String> pruned = new ArrayList<>();
    prune(object, rootSchema(), true, new ArrayList<>(), pruned);
    Collections.sort(pruned);
    pruned.forEach(path -> errors.add(unknown(path)));

    List<String> embedded = new ArrayList<>();
    Optional<String> coerceError = coerce(object, schema, "", embedded);
    if (coerceError.isPresent()) {
      return new ValidationResult(errors, List.of(coerceError.get()));
    }
    Collections.sort(embedded);
    embedded.forEach(path -> errors.add(unknown(path)));
    return new ValidationResult(errors, List.of());
  }

  /** At the resource root, apiVersion/kind/metadata are never pruned: the root counts as an embedded resource. */
  private StructuralSchema rootSchema() {
    return schema == null ? StructuralSchema.empty() : schema;
  }

  // --- pruning (apiextensions-apiserver pkg/apiserver/schema/pruning) -------------------------------------------

  /** @param resourceRoot the root counts as an embedded resource (PruneWithOptions with isResourceRoot) */
  private void prune(JsonNode x, StructuralSchema s, boolean resourceRoot, List<String> path, List<String> unknown) {
    if (s != null && s.preservesUnknownFields()) {
      skipPrune(x, s, resourceRoot, path, unknown);
      return;
    }
    if (x.isObject()) {
      if (s == null) {
        x.fieldNames().forEachRemaining(k -> unknown.add(join(path, k)));
        return;
      }
      boolean embedded = s.isEmbeddedResource() || resourceRoot;
      x.properties().forEach(e -> {
        String k = e.getKey();
        if (embedded && isMetaField(k)) {
          return;
        }
        Optional<StructuralSchema> property = s.property(k);
        if (property.isPresent()) {
          prune(e.getValue(), property.get(), false, withKey(path, k), unknown);
        } else if (s.hasAdditionalProperties()) {
          prune(e.getValue(), s.additionalProperties(), false, withKey(path, k), unknown);
        } else if (!isMetaField(k) || !path.isEmpty()) {
          unknown.add(join(path, k));
        }
      });
    } else if (x.isArray()) {
      StructuralSchema items = s == null ? null : s.items();
      for (int i = 0; i < x.size(); i++) {
        prune(x.get(i), items, false, withIndex(path, i), unknown);
      }
    }
  }

  /** Under x-kubernetes-preserve-unknown-fields: unknown keys stay, declared ones are still pruned inside. */
  private void skipPrune(JsonNode x, StructuralSchema s, boolean resourceRoot, List<String> path,
      List<String> unknown) {
    if (s == null) {
      return;
    }
    if (x.isObject()) {
      boolean embedded = s.isEmbeddedResource() || resourceRoot;
      x.properties().forEach(e -> {
        String k = e.getKey();
        if (embedded && isMetaField(k)) {
          return;
        }
        Optional<StructuralSchema> property = s.property(k);
        if (property.isPresent()) {
          prune(e.getValue(), property.get(), false, withKey(path, k), unknown);
        } else if (s.hasAdditionalProperties()) {
          prune(e.getValue(), s.additionalProperties(), false, withKey(path, k), unknown);
        }
      });
    } else if (x.isArray()) {
      for (int i = 0; i < x.size(); i++) {
        skipPrune(x.get(i), s.items(), false, withIndex(path, i), unknown);
      }
    }
  }

  // --- embedded ObjectMeta (apiextensions-apiserver pkg/apiserver/schema/objectmeta) ----------------------------

  /**
   * Walks the schema like {@code objectmeta.CoerceWithOptions(nil, obj, schema, isResourceRoot=false)}.
   *
   * @param fieldPath the field.Path rendering used in messages ({@code spec.template}, {@code spec.m[key]})
   * @return a fatal error, if an embedded apiVersion/kind is not a string or embedded metadata does not decode
   */
  private Optional<String> coerce(JsonNode x, StructuralSchema s, String fieldPath, List<String> unknown) {
    if (s == null) {
      return Optional.empty();
    }
    if (x.isObject()) {
      for (Map.Entry<String, JsonNode> e : x.properties()) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (s.isEmbeddedResource()) {
          if ((k.equals("apiVersion") || k.equals("kind")) && !v.isTextual()) {
            return Optional.of(child(fieldPath, k) + ": Invalid value: " + GoSyntax.badValue(v) + ": must be a string");
          }
          if (k.equals("metadata")) {
            MetadataCheck check = checkObjectMeta(v, child(fieldPath, "metadata"));
            if (check.fatalError().isPresent()) {
              return Optional.of(child(fieldPath, "metadata") + ": Invalid value: " + GoSyntax.badValue(v) + ": "
                  + check.fatalError().get());
            }
            unknown.addAll(check.unknownPaths());
          }
        }
        Optional<StructuralSchema> property = s.property(k);
        Optional<String> error = Optional.empty();
        if (property.isPresent()) {
          error = coerce(v, property.get(), child(fieldPath, k), unknown);
        } else if (s.hasAdditionalProperties()) {
          error = coerce(v, s.additionalProperties(), fieldPath + "[" + k + "]", unknown);
        }
        if (error.isPresent()) {
          return error;
        }
      }
    } else if (x.isArray()) {
      for (int i = 0; i < x.size(); i++) {
        Optional<String> error = coerce(x.get(i), s.items(), fieldPath + "[" + i + "]", unknown);
        if (error.isPresent()) {
          return error;
        }
      }
    }
    return Optional.empty();
  }

  /** The unknown metadata paths, or the decode error, of {@code objectmeta.GetObjectMetaWithOptions}. */
  private record MetadataCheck(List<String> unknownPaths, Optional<String> fatalError) {}

  private MetadataCheck checkObjectMeta(JsonNode metadata, String prefix) {
    // kube-apiserver re-marshals the decoded map, so keys arrive sorted and integral floats as integers.
    JsonNode normalized = goRemarshal(metadata);
    StrictDecoder.Outcome outcome = StrictDecoder.decode(normalized.traverse(), objectMeta);
    if (outcome.fatalError().isPresent()) {
      return new MetadataCheck(List.of(), outcome.fatalError());
    }
    List<String> paths = new ArrayList<>();
    outcome.strictErrors().forEach(e -> paths.add(prefix + "." + e.path()));
    return new MetadataCheck(paths, Optional.empty());
  }

  private static JsonNode goRemarshal(JsonNode value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value.isObject()) {
      ObjectNode sorted = nodes.objectNode();
      List<String> names = new ArrayList<>();
      value.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      names.forEach(name -> sorted.set(name, goRemarshal(value.get(name))));
      return sorted;
    }
    if (value.isArray()) {
      var array = nodes.arrayNode(value.size());
      value.forEach(item -> array.add(goRemarshal(item)));
      return array;
    }
    if (value.isFloatingPointNumber()) {
      double d = value.asDouble();
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        return nodes.numberNode(new java.math.BigDecimal(d).toBigInteger());
      }
    }
    return value;
  }

  private static boolean isMetaField(String key) {
    return key.equals("apiVersion") || key.equals("kind") || key.equals("metadata");
  }

  private static StrictError unknown(String path) {
    return new StrictError(StrictError.Kind.UNKNOWN_FIELD, path);
  }

  /** UnknownFieldPathOptions: ".key" after the first segment, "[i]" for indexes. */
  private static List<String> withKey(List<String> path, String key) {
    List<String> out = new ArrayList<>(path);
    out.add(path.isEmpty() ? key : "." + key);
    return out;
  }

  private static List<String> withIndex(List<String> path, int index) {
    List<String> out = new ArrayList<>(path);
    out.add("[" + index + "]");
    return out;
  }

  private static String join(List<String> path, String key) {
    return String.join("", withKey(path, key));
  }

  private static String child(String fieldPath, String name) {
    return fieldPath.isEmpty() ? name : fieldPath + "." + name;
  }
}
