package dev.gatehouse.kube.patch;

import java.util.List;
import java.util.Optional;

/**
 * The view of an OpenAPI schema that patching needs. A schema describes one value; the metadata of the property that
 * holds the value ({@link #patchMeta()}, {@link #listType()}, ...) travels with it, because the OpenAPI document puts
 * {@code x-kubernetes-patch-*} and {@code x-kubernetes-list-*} on the property, not on the referenced definition.
 *
 * <p>Lookups never fail: a field that the schema does not know, or a shape the schema cannot describe, yields
 * {@link #opaque()}, under which lists are replaced and maps merged key by key.
 */
public interface PatchSchema {

  /** What kind of value the schema describes. */
  enum Shape {
    /** An object with declared properties. */
    STRUCT,
    /** An object whose values share one schema ({@code additionalProperties}). */
    MAP,
    /** An array. */
    LIST,
    /** A string, number, boolean or a type serialised as one (Quantity, Time, IntOrString). */
    SCALAR,
    /** Anything else: free-form JSON, unknown fields. */
    OPAQUE
  }

  Shape shape();

  /**
   * The schema of the value under {@code name}: a property of a STRUCT, the value schema of a MAP, opaque otherwise.
   */
  PatchSchema field(String name);

  /** Whether this is a STRUCT that declares the property (as opposed to a key of a map or an unknown field). */
  default boolean declaresField(String name) {
    return false;
  }

  /**
   * The schema of the elements of a LIST. A STRUCT answers itself: Go's strategic merge accepts a list where a
   * pointer to a struct is declared and merges its elements as that struct.
   */
  PatchSchema items();

  /** The strategic merge metadata of the property holding this value. */
  PatchMeta patchMeta();

  /** {@code x-kubernetes-list-type} (atomic, set, map) of the property holding this list, if declared. */
  default Optional<String> listType() {
    return Optional.empty();
  }

  /** {@code x-kubernetes-list-map-keys} of the property holding this list; empty if not declared. */
  default List<String> listMapKeys() {
    return List.of();
  }

  /** {@code x-kubernetes-map-type} (atomic, granular) of the property or definition, if declared. */
  default Optional<String> mapType() {
    return Optional.empty();
  }

  /** The OpenAPI definition this value refers to (e.g. {@code io.k8s.apimachinery.pkg.runtime.RawExtension}). */
  default Optional<String> definitionName() {
    return Optional.empty();
  }

  /** The name upstream prints for this type in error messages (Go's reflect kind: struct, map, string, int64...). */
  String typeName();

  /** The schema of unknown shapes: every field and element is opaque too, and nothing declares patch metadata. */
  static PatchSchema opaque() {
    return OpaqueSchema.INSTANCE;
  }
}
