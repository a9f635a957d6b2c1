package dev.gatehouse.kube.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.handlers.ObjectValidation;
import dev.gatehouse.kube.meta.names.NameRule;
import dev.gatehouse.kube.meta.names.ObjectMetaValidator;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.openapi.validation.FieldValidationDirective;
import dev.gatehouse.kube.openapi.validation.FieldValidationOutcome;
import dev.gatehouse.kube.openapi.schema.CrdValidator;
import dev.gatehouse.kube.openapi.schema.CustomResourceValidator;
import dev.gatehouse.kube.openapi.schema.StructuralDefaulting;
import dev.gatehouse.kube.openapi.validation.FieldValidator;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.kube.server.ResponseSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validation backed by the bundled OpenAPI schemas (field validation of built-ins and CRD structural schemas)
 * and kube-meta's ObjectMeta rules. Unknown fields are removed before storage under every directive, as
 * decoding into kube-apiserver's typed structs does.
 */
public final class SchemaValidation implements ObjectValidation {
  private final Map<Object, FieldValidator> validators = new ConcurrentHashMap<>();
  private final Map<ResourceType, CustomResourceValidator> schemaValidators = new ConcurrentHashMap<>();

  @Override
  public void checkFields(ResourceType type, ObjectNode object, byte[] rawJson, String mode, ResponseSink sink) {
    FieldValidationDirective directive = FieldValidationDirective.parse(mode)
        .orElseThrow(() -> Errors.badRequest(FieldValidationDirective.unsupportedValueMessage("CreateOptions", mode)));
    FieldValidator validator = validator(type);
    var result = rawJson != null ? validator.validate(rawJson) : validator.validate(object);
    FieldValidationOutcome outcome = result.outcome(directive, type.kind(), type.apiVersion());
    if (outcome instanceof FieldValidationOutcome.Rejected rejected) {
      throw Errors.badRequest(rejected.message());
    }
    for (String warning : ((FieldValidationOutcome.Accepted) outcome).warnings()) {
      sink.addHeader("Warning", "299 - \"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    UnknownFields.prune(object, result.unknownFields());
  }

  private FieldValidator validator(ResourceType type) {
    if (type.isCustom()) {
      return validators.computeIfAbsent(type, t -> FieldValidator.forSchema(type.schema()));
    }
    return validators.computeIfAbsent(type.definition(), d -> FieldValidator.forDefinition(type.definition()));
  }

  @Override
  public List<Cause> validateObject(ResourceType type, ObjectNode object, ObjectNode old, String subresource) {
    List<FieldError> errors = new ArrayList<>();
    if (isCrd(type)) {
      // the CRD validator includes the metadata rules
      errors.addAll(old == null ? CrdValidator.validate(object) : CrdValidator.validateUpdate(object, old));
      return causes(errors);
    }
    NameRule rule = type.isCustom() ? NameRule.DNS1123_SUBDOMAIN : NameRule.forResource(type.group(), type.plural());
    errors.addAll(ObjectMetaValidator.validateCreate(object.path("metadata"), type.namespaced(), rule));
    if (type.isCustom()) {
      StructuralDefaulting.apply(type.schema(), object);
      CustomResourceValidator validator = schemaValidators.computeIfAbsent(type,
          t -> CustomResourceValidator.forSchema(t.schema().isMissingNode() ? null : t.schema()));
      errors.addAll(old == null ? validator.validate(object)
          : "status".equals(subresource) ? validator.validateStatusUpdate(object, old)
          : validator.validateUpdate(object, old));
    }
    return causes(errors);
  }

  private static boolean isCrd(ResourceType type) {
    return type.group().equals("apiextensions.k8s.io") && type.plural().equals("customresourcedefinitions");
  }

  private static List<Cause> causes(List<FieldError> errors) {
    return errors.stream().map(e -> new Cause(e.type().causeType(), e.body(), e.field())).toList();
  }
}
