package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gatehouse.kube.patch.PatchSchema;
import java.util.List;
import java.util.Map;

/**
 * The structured-merge-diff view of a {@link PatchSchema}, as kube-openapi's schemaconv builds it from the OpenAPI
 * document:
 *
 * <ul>
 *   <li>objects are maps, atomic when {@code x-kubernetes-map-type: atomic}, otherwise granular;
 *   <li>lists follow {@code x-kubernetes-list-type} (atomic, set, map with {@code x-kubernetes-list-map-keys}); without
 *       it a {@code merge} patch strategy makes them associative (keyed by the merge key, or a set), anything else
 *       atomic;
 *   <li>Quantity is a scalar and RawExtension an atomic "untyped" value;
 *   <li>fields the schema does not declare are "deduced": granular maps, atomic lists, scalars. (Upstream rejects
 *       undeclared fields of typed objects; the API server validates them away before apply.)
 * </ul>
 */
final class SsaType {
  private static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";
  private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

  /**
   * Defaults of list-map key fields. The kube-apiserver type converter reads them from the Go types' +default
   * markers, which the OpenAPI v2 document does not carry; a key field left out takes its default.
   */
  private static final Map<String, Map<String, JsonNode>>
      KEY_DEFAULTS = Map.of(
          "io.k8s.api.core.v1.ContainerPort", Map.of("protocol", text("TCP")),
          "io.k8s.api.core.v1.ServicePort", Map.of("protocol", text("TCP")),
          "io.k8s.api.core.v1.LocalObjectReference", Map.of("name", text("")));

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }

  private enum Mode { TYPED, UNTYPED, DEDUCED, NONE }

  /** Deduced: what upstream uses for free-form values. */
  static final SsaType DEDUCED = new SsaType(null, Mode.DEDUCED);
  /** Untyped: every value is atomic. */
  static final SsaType UNTYPED = new SsaType(null, Mode.UNTYPED);
  /** No type at all (only used while walking field sets past the end of the schema). */
  static final SsaType NONE = new SsaType(null, Mode.NONE);

  private final PatchSchema schema;
  private final Mode mode;

  private SsaType(PatchSchema schema, Mode mode) {
    this.schema = schema;
    this.mode = mode;
  }

  static SsaType of(PatchSchema schema) {
    String definition = schema.definitionName().orElse("");
    if (definition.equals(RAW_EXTENSION)) {
      return UNTYPED;
    }
    if (schema.shape() == PatchSchema.Shape.OPAQUE) {
      return DEDUCED;
    }
    return new SsaType(schema, Mode.TYPED);
  }

  boolean hasMap() {
    return switch (mode) {
      case TYPED -> !schema.definitionName().orElse("").equals(QUANTITY)
          && (schema.shape() == PatchSchema.Shape.STRUCT || schema.shape() == PatchSchema.Shape.MAP);
      case UNTYPED, DEDUCED -> true;
      case NONE -> false;
    };
  }

  boolean hasList() {
    return switch (mode) {
      case TYPED -> schema.shape() == PatchSchema.Shape.LIST;
      case UNTYPED, DEDUCED -> true;
      case NONE -> false;
    };
  }

  boolean hasScalar() {
    return switch (mode) {
      case TYPED -> schema.shape() == PatchSchema.Shape.SCALAR
          || schema.definitionName().orElse("").equals(QUANTITY);
      case UNTYPED, DEDUCED -> true;
      case NONE -> false;
    };
  }

  boolean mapAtomic() {
    return switch (mode) {
      case TYPED -> schema.mapType().map("atomic"::equals).orElse(false);
      case UNTYPED -> true;
      case DEDUCED, NONE -> false;
    };
  }

  /** Whether the field is a declared property (struct field) rather than a map key. */
  boolean declaresField(String name) {
    return mode == Mode.TYPED && schema.shape() == PatchSchema.Shape.STRUCT && schema.declaresField(name);
  }

  /** The type of a map entry or struct field. */
  SsaType field(String name) {
    return switch (mode) {
      case TYPED -> {
        if (schema.shape() == PatchSchema.Shape.STRUCT && !schema.declaresField(name)) {
          yield DEDUCED;
        }
        yield of(schema.field(name));
      }
      case UNTYPED -> UNTYPED;
      case DEDUCED -> DEDUCED;
      case NONE -> NONE;
    };
  }

  boolean listAtomic() {
    return switch (mode) {
      case TYPED -> !associative();
      case UNTYPED, DEDUCED -> true;
      case NONE -> true;
    };
  }

  private boolean associative() {
    if (schema.listType().isPresent()) {
      return !schema.listType().get().equals("atomic");
    }
    List<String> strategies = schema.patchMeta().strategies();
    return strategies.equals(List.of("merge")) || strategies.equals(List.of("merge", "retainKeys"));
  }

  /** The key fields of an associative list; empty for a set. */
  List<String> listKeys() {
    if (mode != Mode.TYPED) {
      return List.of();
    }
    if (schema.listType().isPresent()) {
      return schema.listType().get().equals("map") ? schema.listMapKeys() : List.of();
    }
    return schema.patchMeta().hasMergeKey() ? List.of(schema.patchMeta().mergeKey()) : List.of();
  }

  /** The default of a key field of this (element) type, or null. */
  JsonNode keyDefault(String field) {
    if (mode != Mode.TYPED) {
      return null;
    }
    return KEY_DEFAULTS.getOrDefault(schema.definitionName().orElse(""), Map.of()).get(field);
  }

  SsaType element() {
    return switch (mode) {
      case TYPED -> of(schema.items());
      case UNTYPED, DEDUCED -> UNTYPED;
      case NONE -> NONE;
    };
  }
}
