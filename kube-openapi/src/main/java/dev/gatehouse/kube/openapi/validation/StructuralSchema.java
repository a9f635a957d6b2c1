package dev.gatehouse.kube.openapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The parts of a CRD structural schema that pruning and metadata coercion read. Value validations
 * ({@code allOf}, {@code anyOf}, ...) never declare fields of their own in a structural schema, so they are ignored.
 */
final class StructuralSchema {
  private final JsonNode node;

  private StructuralSchema(JsonNode node) {
    this.node = node;
  }

  /** Wraps a schema node; {@code null} or a non-object stands for "no schema" (Go's nil Structural). */
  static StructuralSchema of(JsonNode node) {
    return node != null && node.isObject() ? new StructuralSchema(node) : null;
  }

  /** An empty schema, used where kube-apiserver substitutes {@code &Structural{}} for a nil root. */
  static StructuralSchema empty() {
    return new StructuralSchema(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
  }

  boolean preservesUnknownFields() {
    return node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
  }

  boolean isEmbeddedResource() {
    return node.path("x-kubernetes-embedded-resource").asBoolean(false);
  }

  /** The property's schema; empty when the property is not declared. */
  Optional<StructuralSchema> property(String name) {
    JsonNode property = node.path("properties").get(name);
    return property == null ? Optional.empty() : Optional.of(new StructuralSchema(property));
  }

  /** Whether {@code additionalProperties} is set at all (a schema, or a boolean with no schema). */
  boolean hasAdditionalProperties() {
    return node.has("additionalProperties");
  }

  /** The {@code additionalProperties} schema, null when absent or boolean. */
  StructuralSchema additionalProperties() {
    return of(node.get("additionalProperties"));
  }

  /** The {@code items} schema, null when absent. */
  StructuralSchema items() {
    return of(node.get("items"));
  }
}
