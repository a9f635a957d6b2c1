package dev.gatehouse.kube.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.Swagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PatchSchema} read from an OpenAPI v2 {@code definitions} object. References are followed lazily: a definition
 * is turned into a schema the first time something reaches it, and once per {@link Definitions} (cached), so walking
 * a Pod touches only the definitions its patch actually visits.
 *
 * <p>A property that refers to a definition is a thin view: it carries the property's own extensions (patch strategy,
 * merge key, list type) and delegates the shape to the cached definition.
 */
public final class SwaggerPatchSchema implements PatchSchema {
  private static final String REF_PREFIX = "#/definitions/";

  /** The schemas of one definitions document, with their cache. */
  public static final class Definitions {
    private final JsonNode definitions;
    private final ConcurrentHashMap<String, SwaggerPatchSchema> byName = new ConcurrentHashMap<>();

    private Definitions(JsonNode definitions) {
      this.definitions = Objects.requireNonNull(definitions, "definitions");
    }

    /** The schema of a named definition, e.g. {@code io.k8s.api.apps.v1.Deployment}. */
    public PatchSchema forDefinition(String definitionName) {
      if (!definitions.has(definitionName)) {
        throw new IllegalArgumentException("no OpenAPI definition named \"" + definitionName + "\"");
      }
      return definition(definitionName);
    }

    private SwaggerPatchSchema definition(String name) {
      return byName.computeIfAbsent(name, n -> fromNode(this, definitions.get(n), n, PropertyExtensions.NONE));
    }

    private PatchSchema fromProperty(JsonNode property) {
      if (property == null || !property.isObject()) {
        return PatchSchema.opaque();
      }
      PropertyExtensions ext = PropertyExtensions.of(property);
      JsonNode shapeNode = property;
      JsonNode allOf = property.get("allOf");
      if (allOf != null && allOf.isArray() && !allOf.isEmpty()) {
        shapeNode = allOf.get(0);
      }
      String ref = shapeNode.path("$ref").asText("");
      if (!ref.isEmpty()) {
        String name = ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref;
        if (!definitions.has(name)) {
          return PatchSchema.opaque();
        }
        SwaggerPatchSchema target = definition(name);
        return ext.isEmpty() ? target : new SwaggerPatchSchema(this, target, target.node, name, target.shape, ext);
      }
      return fromNode(this, shapeNode, null, ext);
    }
  }

  /** The extensions a property declares about the value it holds. */
  private record PropertyExtensions(
      PatchMeta meta, Optional<String> listType, List<String> listMapKeys, Optional<String> mapType) {
    static final PropertyExtensions NONE =
        new PropertyExtensions(PatchMeta.NONE, Optional.empty(), List.of(), Optional.empty());

    static PropertyExtensions of(JsonNode node) {
      PatchMeta meta =
          PatchMeta.of(text(node, "x-kubernetes-patch-strategy"), text(node, "x-kubernetes-patch-merge-key"));
      List<String> keys = new ArrayList<>();
      node.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
      return new PropertyExtensions(
          meta,
          Optional.ofNullable(text(node, "x-kubernetes-list-type")),
          List.copyOf(keys),
          Optional.ofNullable(text(node, "x-kubernetes-map-type")));
    }

    boolean isEmpty() {
      return meta.equals(PatchMeta.NONE) && listType.isEmpty() && listMapKeys.isEmpty() && mapType.isEmpty();
    }

    private static String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value != null && value.isTextual() ? value.asText() : null;
    }
  }

  /** Parses the bundled document only when the first default schema is asked for. */
  private static final class DefaultDefinitions {
    static final Definitions INSTANCE = new Definitions(Swagger.definitions());
  }

  private final Definitions owner;
  /** The definition this view delegates to, or null when this schema is the definition or an inline schema. */
  private final SwaggerPatchSchema target;
  private final JsonNode node;
  private final String definitionName;
  private final Shape shape;
  private final PropertyExtensions ext;
  private final ConcurrentHashMap<String, PatchSchema> fields = new ConcurrentHashMap<>();
  private volatile PatchSchema elements;

  private SwaggerPatchSchema(
      Definitions owner,
      SwaggerPatchSchema target,
      JsonNode node,
      String definitionName,
      Shape shape,
      PropertyExtensions ext) {
    this.owner = owner;
    this.target = target;
    this.node = node;
    this.definitionName = definitionName;
    this.shape = shape;
    this.ext = ext;
  }

  /** The schema of a definition of the bundled kube-apiserver 1.32.4 document. */
  public static PatchSchema forDefinition(String definitionName) {
    return DefaultDefinitions.INSTANCE.forDefinition(definitionName);
  }

  /** Schemas read from another definitions object (tests, other API versions); keep the result to reuse its cache. */
  public static Definitions definitions(JsonNode definitions) {
    return new Definitions(definitions);
  }

  private static SwaggerPatchSchema fromNode(
      Definitions owner, JsonNode node, String definitionName, PropertyExtensions ext) {
    return new SwaggerPatchSchema(owner, null, node, definitionName, shapeOf(node), ext);
  }

  private static Shape shapeOf(JsonNode node) {
    String type = node.path("type").asText("");
    if (type.equals("array") || node.has("items")) {
      return Shape.LIST;
    }
    if (node.path("properties").isObject()) {
      return Shape.STRUCT;
    }
    if (node.has("additionalProperties") && !node.get("additionalProperties").isBoolean()
        || node.path("additionalProperties").asBoolean(false)) {
      return Shape.MAP;
    }
    return switch (type) {
      case "string", "integer", "number", "boolean" -> Shape.SCALAR;
      default -> Shape.OPAQUE;
    };
  }

  @Override
  public Shape shape() {
    return shape;
  }

  @Override
  public PatchSchema field(String name) {
    if (target != null) {
      return target.field(name);
    }
    return switch (shape) {
      case STRUCT -> fields.computeIfAbsent(name, n -> owner.fromProperty(node.path("properties").get(n)));
      case MAP -> fields.computeIfAbsent("", n -> owner.fromProperty(node.get("additionalProperties")));
      case LIST, SCALAR, OPAQUE -> PatchSchema.opaque();
    };
  }

  @Override
  public boolean declaresField(String name) {
    if (target != null) {
      return target.declaresField(name);
    }
    return shape == Shape.STRUCT && node.path("properties").has(name);
  }

  @Override
  public PatchSchema items() {
    if (target != null) {
      return target.items();
    }
    return switch (shape) {
      case LIST -> {
        PatchSchema cached = elements;
        if (cached == null) {
          cached = owner.fromProperty(node.get("items"));
          elements = cached;
        }
        yield cached;
      }
      case STRUCT -> this;
      case MAP, SCALAR, OPAQUE -> PatchSchema.opaque();
    };
  }

  @Override
  public PatchMeta patchMeta() {
    return ext.meta();
  }

  @Override
  public Optional<String> listType() {
    return ext.listType();
  }

  @Override
  public List<String> listMapKeys() {
    return ext.listMapKeys();
  }

  @Override
  public Optional<String> mapType() {
    if (ext.mapType().isPresent()) {
      return ext.mapType();
    }
    JsonNode declared = node.get("x-kubernetes-map-type");
    return declared != null && declared.isTextual() ? Optional.of(declared.asText()) : Optional.empty();
  }

  @Override
  public Optional<String> definitionName() {
    return Optional.ofNullable(definitionName);
  }

  @Override
  public String typeName() {
    if (definitionName != null && shape != Shape.LIST && shape != Shape.MAP) {
      // Definitions are Go structs, including the ones serialised as strings (Quantity, Time, IntOrString).
      return "struct";
    }
    return switch (shape) {
      case STRUCT -> "struct";
      case MAP -> "map";
      case LIST -> "slice";
      case OPAQUE -> "interface";
      case SCALAR -> switch (node.path("type").asText()) {
        case "integer" -> node.path("format").asText("").equals("int32") ? "int32" : "int64";
        case "number" -> "float64";
        case "boolean" -> "bool";
        default -> "string";
      };
    };
  }

  @Override
  public String toString() {
    return "SwaggerPatchSchema[" + (definitionName != null ? definitionName : shape) + ", " + ext.meta() + "]";
  }
}
