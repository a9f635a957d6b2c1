package dev.gatehouse.kube.openapi.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The component schemas kube-apiserver publishes for a custom resource, after apiextensions-apiserver's
 * {@code builder.buildKubeNative} and {@code buildListSchema} (v3 flavour): the structural schema with
 * {@code x-kubernetes-int-or-string} unfolded, {@code apiVersion}/{@code kind}/{@code metadata} added at the root and
 * in every {@code x-kubernetes-embedded-resource}, and {@code x-kubernetes-group-version-kind} on top.
 */
final class CustomResourceSchemas {
  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  static final String LIST_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String API_VERSION_DOC = "APIVersion defines the versioned schema of this representation of an"
      + " object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized"
      + " values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
  private static final String KIND_DOC = "Kind is a string value representing the REST resource this object represents."
      + " Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase."
      + " More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
  private static final String EMBEDDED_API_VERSION_DOC = "apiVersion defines the versioned schema of this"
      + " representation of an object. More info:"
      + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
  private static final String EMBEDDED_KIND_DOC = "kind is a string value representing the type of this object. In"
      + " CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
  private static final String OBJECT_META_DOC = "Standard object's metadata. More info:"
      + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
  private static final String LIST_META_DOC = "Standard list metadata. More info:"
      + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

  /** The keywords a structural schema keeps when kube-apiserver re-emits it ({@code Structural.ToKubeOpenAPI}). */
  private static final Set<String> STRUCTURAL_KEYWORDS = Set.of(
      "type", "description", "title", "default", "nullable", "format", "maximum", "exclusiveMaximum", "minimum",
      "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf",
      "enum", "maxProperties", "minProperties", "required", "allOf", "anyOf", "oneOf", "not", "properties", "items",
      "additionalProperties");

  private CustomResourceSchemas() {}

  /** The kind's schema, still referencing {@code #/components/schemas/...ObjectMeta}. */
  static ObjectNode kindSchema(CustomResourceSpec spec) {
    ObjectNode schema;
    if (spec.schema() == null || !spec.schema().isObject()) {
      schema = NODES.objectNode().put("type", "object");
    } else {
      schema = structuralCopy(spec.schema());
      addEmbeddedProperties(schema);
      ObjectNode properties = properties(schema);
      properties.set("metadata", metadataRef(OBJECT_META, OBJECT_META_DOC));
      properties.set("apiVersion", stringProperty(API_VERSION_DOC));
      properties.set("kind", stringProperty(KIND_DOC));
    }
    schema.set("x-kubernetes-group-version-kind", gvk(spec.group(), spec.version(), spec.kind()));
    return schema;
  }

  /** The list kind's schema. */
  static ObjectNode listSchema(CustomResourceSpec spec) {
    ObjectNode schema = NODES.objectNode();
    schema.put("description", spec.listKind() + " is a list of " + spec.kind());
    ObjectNode properties = schema.putObject("properties");
    properties.set("apiVersion", stringProperty(API_VERSION_DOC));
    ObjectNode items = properties.putObject("items");
    items.put("description", "List of " + spec.plural()
        + ". More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md");
    items.putObject("items").put("$ref", SchemaConverter.V3_PREFIX + spec.definitionName());
    items.put("type", "array");
    properties.set("kind", stringProperty(KIND_DOC));
    properties.set("metadata", metadataRef(LIST_META, LIST_META_DOC));
    schema.putArray("required").add("items");
    schema.put("type", "object");
    schema.set("x-kubernetes-group-version-kind", gvk(spec.group(), spec.version(), spec.listKind()));
    return schema;
  }

  /** Copies the structural keywords and extensions, unfolding int-or-string as {@code Structural.Unfold} does. */
  private static ObjectNode structuralCopy(JsonNode source) {
    ObjectNode out = NODES.objectNode();
    source.properties().forEach(field -> {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("properties") && value.isObject()) {
        ObjectNode properties = out.putObject("properties");
        value.properties().forEach(p -> properties.set(p.getKey(), structuralCopy(p.getValue())));
      } else if ((key.equals("items") || key.equals("additionalProperties")) && value.isObject()) {
        out.set(key, structuralCopy(value));
      } else if (STRUCTURAL_KEYWORDS.contains(key) || key.startsWith("x-kubernetes-")) {
        out.set(key, value.deepCopy());
      }
    });
    if (out.path("x-kubernetes-int-or-string").asBoolean(false)) {
      unfoldIntOrString(out);
    }
    return out;
  }

  private static void unfoldIntOrString(ObjectNode schema) {
    if (isIntOrStringAnyOf(schema.get("anyOf"))) {
      return;
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.size() > 0 && isIntOrStringAnyOf(allOf.get(0).get("anyOf"))) {
      return;
    }
    if (!schema.has("anyOf")) {
      schema.set("anyOf", intOrStringAnyOf());
      return;
    }
    ArrayNode newAllOf = NODES.arrayNode();
    newAllOf.addObject().set("anyOf", intOrStringAnyOf());
    if (allOf != null) {
      newAllOf.addAll((ArrayNode) allOf);
    }
    schema.set("allOf", newAllOf);
  }

  private static boolean isIntOrStringAnyOf(JsonNode anyOf) {
    return anyOf != null && anyOf.size() == 2
        && anyOf.get(0).path("type").asText().equals("integer")
        && anyOf.get(1).path("type").asText().equals("string");
  }

  private static ArrayNode intOrStringAnyOf() {
    ArrayNode anyOf = NODES.arrayNode();
    anyOf.addObject().put("type", "integer");
    anyOf.addObject().put("type", "string");
    return anyOf;
  }

  private static void addEmbeddedProperties(ObjectNode schema) {
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      properties.forEach(p -> {
        if (p.isObject()) {
          addEmbeddedProperties((ObjectNode) p);
        }
      });
    }
    for (String key : new String[] {"items", "additionalProperties"}) {
      if (schema.get(key) instanceof ObjectNode child) {
        addEmbeddedProperties(child);
      }
    }
    if (schema.path("x-kubernetes-embedded-resource").asBoolean(false)) {
      ObjectNode props = properties(schema);
      props.set("apiVersion", stringProperty(EMBEDDED_API_VERSION_DOC));
      props.set("kind", stringProperty(EMBEDDED_KIND_DOC));
      props.set("metadata", metadataRef(OBJECT_META, OBJECT_META_DOC));
      ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required");
      if (!contains(required, "kind")) {
        required.add("kind");
      }
      if (!contains(required, "apiVersion")) {
        required.add("apiVersion");
      }
    }
  }

  private static boolean contains(ArrayNode array, String value) {
    for (JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode properties(ObjectNode schema) {
    return schema.get("properties") instanceof ObjectNode existing ? existing : schema.putObject("properties");
  }

  private static ObjectNode metadataRef(String definition, String description) {
    ObjectNode ref = NODES.objectNode();
    ref.putArray("allOf").addObject().put("$ref", SchemaConverter.V3_PREFIX + definition);
    ref.put("description", description);
    return ref;
  }

  private static ObjectNode stringProperty(String description) {
    return NODES.objectNode().put("description", description).put("type", "string");
  }

  private static ArrayNode gvk(String group, String version, String kind) {
    ArrayNode list = NODES.arrayNode();
    list.addObject().put("group", group).put("kind", kind).put("version", version);
    return list;
  }
}
