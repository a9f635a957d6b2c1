package dev.gatehouse.kube.openapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.DefinitionIndex;
import dev.gatehouse.kube.openapi.GroupVersionKind;
import dev.gatehouse.kube.openapi.Swagger;
import java.util.Optional;

/**
 * Server-side field validation of request bodies, as kube-apiserver 1.32 decodes them: unknown and duplicate
 * fields (reported per {@link FieldValidationDirective}) and the type errors that fail decoding outright.
 *
 * <p>Built-in kinds are decoded like Go structs ({@code sigs.k8s.io/json} strict unmarshalling). Custom resources
 * follow apiextensions-apiserver: duplicate keys from decoding, unknown {@code metadata} fields, then fields pruned by
 * the structural schema, then unknown fields in the metadata of embedded resources.
 *
 * <p>Validators are immutable and thread-safe; build one per kind and reuse it.
 */
public sealed interface FieldValidator permits DefinitionFieldValidator, CustomResourceFieldValidator {

  /**
   * A validator for a definition of the bundled swagger, e.g. {@code io.k8s.api.core.v1.ConfigMap}.
   *
   * @throws IllegalArgumentException if the swagger has no such definition
   */
  static FieldValidator forDefinition(String definitionName) {
    return DefinitionFieldValidator.of(BundledTypes.MODEL, definitionName);
  }

  /** A validator for a built-in kind, found through its {@code x-kubernetes-group-version-kind}. */
  static Optional<FieldValidator> forGroupVersionKind(GroupVersionKind gvk) {
    return DefinitionIndex.bundled().definitionFor(gvk).map(FieldValidator::forDefinition);
  }

  /**
   * A validator for a custom resource version, from its CRD's structural {@code openAPIV3Schema} (honouring
   * {@code x-kubernetes-preserve-unknown-fields} and {@code x-kubernetes-embedded-resource}). A null schema
   * prunes everything but apiVersion, kind and metadata.
   */
  static FieldValidator forSchema(JsonNode structuralSchema) {
    return new CustomResourceFieldValidator(StructuralSchema.of(structuralSchema), BundledTypes.objectMeta());
  }

  /** Validates an already parsed object. Duplicate keys are gone after parsing: use {@link #validate(byte[])}. */
  ValidationResult validate(JsonNode object);

  /**
   * Validates a JSON request body, including duplicate keys.
   *
   * @throws IllegalArgumentException if {@code json} is not well-formed JSON
   */
  ValidationResult validate(byte[] json);

  /** The Go types of the bundled swagger, built lazily on first use. */
  final class BundledTypes {
    static final GoTypeModel MODEL = new GoTypeModel(Swagger.definitions());

    private BundledTypes() {}

    static GoStruct objectMeta() {
      return (GoStruct) MODEL.definition("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta").orElseThrow();
    }
  }
}
