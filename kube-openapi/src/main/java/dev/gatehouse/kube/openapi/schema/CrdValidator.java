package dev.gatehouse.kube.openapi.schema;

import static dev.gatehouse.kube.openapi.schema.StructuralSchemaRules.invalid;
import static dev.gatehouse.kube.openapi.schema.StructuralSchemaRules.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.meta.names.NameFormats;
import dev.gatehouse.kube.meta.names.NameRule;
import dev.gatehouse.kube.meta.names.ObjectMetaValidator;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.GoFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * kube-apiserver 1.32's {@code ValidateCustomResourceDefinition} and {@code ...Update} for
 * {@code apiextensions.k8s.io/v1} objects, with upstream's messages. Covers metadata (the name must be
 * {@code <plural>.<group>}), group, names, scope, versions (unique DNS-1035 names, exactly one storage version),
 * schemas (required, structural, defaults, list/map extensions, static CEL checks), printer columns,
 * subresources, conversion, stored versions, API approval of {@code *.k8s.io} groups, and on update the
 * immutable group, plural, and (once Established) scope and kind.
 *
 * <p>The input is the CRD as sent, after JSON decoding; v1 defaults (singular, listKind, conversion) and the
 * status preparation of create/update (stored versions) are applied internally, so validation sees what the
 * server would. Use {@link #prepareForCreate} / {@link #prepareForUpdate} to apply the same to the stored object.
 */
public final class CrdValidator {
  private CrdValidator() {}

  /** Validation of a CRD being created. */
  public static List<FieldError> validate(JsonNode crd) {
    CrdModel model = CrdModel.forCreate(crd);
    List<FieldError> errs = new ArrayList<>(createMetadata(model));
    errs.addAll(spec(model, CrdSchemaRules.Options.CREATE, true));
    errs.addAll(status(model));
    errs.addAll(apiApproval(model, null));
    errs.addAll(preserveUnknownFields(model, null));
    return errs;
  }

  /** Validation of an update; {@code oldCrd} is the stored object. */
  public static List<FieldError> validateUpdate(JsonNode newCrd, JsonNode oldCrd) {
    CrdModel model = CrdModel.forUpdate(newCrd, oldCrd);
    CrdModel old = CrdModel.asStored(oldCrd);
    List<FieldError> errs = new ArrayList<>(ObjectMetaValidator.validateUpdate(model.metadata, old.metadata));
    CrdSchemaRules.Options opts = new CrdSchemaRules.Options(
        !oldSchemas(old).stream().anyMatch(CrdValidator::hasInvalidType),
        !oldSchemas(old).stream().anyMatch(CrdValidator::hasUnprunedDefaults),
        !oldSchemas(old).stream().anyMatch(CrdValidator::hasNonAtomicSetItems),
        !oldSchemas(old).stream().anyMatch(CrdValidator::hasInvalidMapListKeys));
    boolean requireOpenApiSchema = allVersionsHaveSchema(old);
    boolean requireRecognizedReview = old.conversion.conversionReviewVersions() == null
        || old.conversion.conversionReviewVersions().size() == 0
        || CrdModel.strings(old.conversion.conversionReviewVersions()).stream()
            .anyMatch(v -> v.equals("v1") || v.equals("v1beta1"));
    errs.addAll(spec(model, opts, requireOpenApiSchema, requireRecognizedReview));
    if (old.isEstablished()) {
      immutable(errs, model.scope, old.scope, "spec.scope");
      immutable(errs, model.names.kind(), old.names.kind(), "spec.names.kind");
    }
    immutable(errs, model.group, old.group, "spec.group");
    immutable(errs, model.names.plural(), old.names.plural(), "spec.names.plural");
    errs.addAll(status(model));
    errs.addAll(apiApproval(model, old));
    errs.addAll(preserveUnknownFields(model, old));
    return errs;
  }

  /** PrepareForCreate's status handling: status reset to the storage version as the only stored version. */
  public static void prepareForCreate(ObjectNode crd) {
    ObjectNode status = crd.putObject("status");
    ArrayNode stored = status.putArray("storedVersions");
    CrdModel.withStorageVersion(List.of(), crd).forEach(stored::add);
    if (stored.isEmpty()) {
      status.remove("storedVersions");
    }
  }

  /** PrepareForUpdate's status handling: the old status kept, the new storage version added if missing. */
  public static void prepareForUpdate(ObjectNode newCrd, JsonNode oldCrd) {
    JsonNode oldStatus = oldCrd.path("status");
    ObjectNode status = oldStatus.isObject() ? ((ObjectNode) oldStatus).deepCopy() : newCrd.objectNode();
    List<String> stored = CrdModel.withStorageVersion(CrdModel.strings(oldStatus.get("storedVersions")), newCrd);
    if (!stored.isEmpty()) {
      ArrayNode array = status.putArray("storedVersions");
      stored.forEach(array::add);
    }
    newCrd.set("status", status);
  }

  private static List<FieldError> createMetadata(CrdModel crd) {
    List<FieldError> errs = new ArrayList<>(
        ObjectMetaValidator.validateCreate(crd.metadata, false, NameRule.DNS1123_SUBDOMAIN));
    String requiredName = crd.names.plural() + "." + crd.group;
    String detail = "must be spec.names.plural+\".\"+spec.group";
    String generateName = crd.metadata.path("generateName").asText("");
    if (!generateName.isEmpty() && !generateName.equals(requiredName)) {
      insertAfter(errs, "metadata.generateName", invalid("metadata.generateName", generateName, detail));
    }
    String name = crd.metadata.path("name").asText("");
    if (!name.isEmpty() && !name.equals(requiredName)) {
      insertAfter(errs, "metadata.name", invalid("metadata.name", name, detail));
    }
    return errs;
  }

  /** Keeps upstream's order: the name-function messages for a field come together, this one last. */
  private static void insertAfter(List<FieldError> errs, String field, FieldError error) {
    int at = 0;
    for (int i = 0; i < errs.size(); i++) {
      if (errs.get(i).field().equals(field) || field.equals("metadata.name")
          && errs.get(i).field().equals("metadata.generateName")) {
        at = i + 1;
      }
    }
    errs.add(at, error);
  }

  private static List<FieldError> spec(CrdModel crd, CrdSchemaRules.Options opts, boolean requireOpenApiSchema) {
    return spec(crd, opts, requireOpenApiSchema, true);
  }

  private static List<FieldError> spec(CrdModel crd, CrdSchemaRules.Options opts, boolean requireOpenApiSchema,
      boolean requireRecognizedReview) {
    List<FieldError> errs = new ArrayList<>();
    if (crd.group.isEmpty()) {
      errs.add(required("spec.group", ""));
    } else if (!NameFormats.dns1123Subdomain(crd.group).isEmpty()) {
      errs.add(invalid("spec.group", crd.group, String.join(",", NameFormats.dns1123Subdomain(crd.group))));
    } else if (crd.group.split("\\.", -1).length < 2) {
      errs.add(invalid("spec.group", crd.group, "should be a domain with at least one dot"));
    }
    if (crd.scope.isEmpty()) {
      errs.add(required("spec.scope", ""));
    } else if (!crd.scope.equals("Cluster") && !crd.scope.equals("Namespaced")) {
      errs.add(CrdSchemaRules.notSupported("spec.scope", crd.scope, List.of("Cluster", "Namespaced")));
    }
    if (requireOpenApiSchema && CrdModel.openApiSchema(crd.validation) == null) {
      for (int i = 0; i < crd.versions.size(); i++) {
        if (CrdModel.openApiSchema(crd.versions.get(i).schema()) == null) {
          errs.add(required("spec.versions[" + i + "].schema.openAPIV3Schema", "schemas are required"));
        }
      }
    } else if (CrdModel.openApiSchema(crd.validation) == null) {
      for (int i = 0; i < crd.versions.size(); i++) {
        CrdModel.Version v = crd.versions.get(i);
        if (v.served() && CrdModel.openApiSchema(v.schema()) == null) {
          errs.add(required("spec.versions[" + i + "].schema.openAPIV3Schema", "because otherwise all fields are pruned"));
        }
      }
    }
    int storageVersions = 0;
    Set<String> seen = new HashSet<>();
    boolean unique = true;
    for (int i = 0; i < crd.versions.size(); i++) {
      CrdModel.Version v = crd.versions.get(i);
      String path = "spec.versions[" + i + "]";
      storageVersions += v.storage() ? 1 : 0;
      unique &= seen.add(v.name());
      List<String> problems = NameFormats.dns1035Label(v.name());
      if (!problems.isEmpty()) {
        errs.add(invalid(path + ".name", v.name(), String.join(",", problems)));
      }
      CrdSpecRules.deprecationWarning(v, path, errs);
      boolean statusEnabled = CrdModel.hasStatus(crd.subresourcesFor(v));
      errs.addAll(CrdSchemaRules.validate(v.schema(), statusEnabled, opts, path + ".schema"));
      CrdSpecRules.subresources(v.subresources(), path + ".subresources", errs);
      if (v.columns() != null) {
        for (int c = 0; c < v.columns().size(); c++) {
          CrdSpecRules.column(v.columns().get(c), path + ".additionalPrinterColumns[" + c + "]", errs);
        }
      }
    }
    if (!unique) {
      errs.add(invalid("spec.versions", GoStructs.versions(crd), "must contain unique version names"));
    }
    if (storageVersions != 1) {
      errs.add(invalid("spec.versions", GoStructs.versions(crd), "must have exactly one version marked as storage version"));
    }
    String version = crd.version();
    if (!version.isEmpty() && !NameFormats.dns1035Label(version).isEmpty()) {
      errs.add(invalid("spec.version", version, String.join(",", NameFormats.dns1035Label(version))));
    }
    List<String[]> requiredNames = List.of(new String[] {"plural", crd.names.plural()},
        new String[] {"singular", crd.names.singular()}, new String[] {"kind", crd.names.kind()},
        new String[] {"listKind", crd.names.listKind()});
    for (String[] name : requiredNames) {
      if (name[1].isEmpty()) {
        errs.add(required("spec.names." + name[0], ""));
      }
    }
    CrdSpecRules.names(crd.names, "spec.names", errs);
    errs.addAll(CrdSchemaRules.validate(crd.validation, crd.anyStatusEnabled(), opts, "spec.validation"));
    CrdSpecRules.subresources(crd.subresources, "spec.subresources", errs);
    if (crd.columns != null) {
      for (int c = 0; c < crd.columns.size(); c++) {
        CrdSpecRules.column(crd.columns.get(c), "spec.additionalPrinterColumns[" + c + "]", errs);
      }
    }
    CrdSpecRules.conversion(crd.conversion, requireRecognizedReview, "spec.conversion", errs);
    return errs;
  }

  private static List<FieldError> status(CrdModel crd) {
    List<FieldError> errs = new ArrayList<>();
    CrdSpecRules.names(crd.acceptedNames, "status.acceptedNames", errs);
    String path = "status.storedVersions";
    if (crd.storedVersions.isEmpty()) {
      errs.add(invalid(path, new GoFormat.GoLiteral("[]string(nil)"), "must have at least one stored version"));
      return errs;
    }
    Set<String> remaining = new HashSet<>(crd.storedVersions);
    for (CrdModel.Version v : crd.versions) {
      if (v.storage() && !crd.storedVersions.contains(v.name())) {
        errs.add(invalid(path, crd.storedVersions, "must have the storage version " + v.name()));
      }
      remaining.remove(v.name());
    }
    for (int i = 0; i < crd.storedVersions.size(); i++) {
      String stored = crd.storedVersions.get(i);
      if (remaining.contains(stored) && crd.storedVersions.lastIndexOf(stored) == i) {
        errs.add(invalid(path + "[" + i + "]", stored, "must appear in spec.versions"));
      }
    }
    return errs;
  }

  /** Groups under k8s.io and kubernetes.io need the {@code api-approved.kubernetes.io} annotation. */
  private static List<FieldError> apiApproval(CrdModel crd, CrdModel old) {
    String group = crd.group;
    boolean protectedGroup = group.equals("k8s.io") || group.endsWith(".k8s.io") || group.equals("kubernetes.io")
        || group.endsWith(".kubernetes.io");
    if (!protectedGroup) {
      return List.of();
    }
    String annotation = "api-approved.kubernetes.io";
    String newValue = crd.metadata.path("annotations").path(annotation).asText("");
    Approval state = approval(newValue);
    if (old != null && approval(old.metadata.path("annotations").path(annotation).asText("")) == state) {
      return List.of();
    }
    String path = "metadata.annotations[" + annotation + "]";
    return switch (state) {
      case MISSING -> List.of(required(path, "protected groups must have approval annotation "
          + GoFormat.quote(annotation) + ", see https://github.com/kubernetes/enhancements/pull/1111"));
      case INVALID -> List.of(invalid(path, newValue, "protected groups must have approval annotation "
          + GoFormat.quote(annotation) + " with either a URL or a reason starting with \"unapproved\", see "
          + "https://github.com/kubernetes/enhancements/pull/1111"));
      case APPROVED, BYPASSED -> List.of();
    };
  }

  private enum Approval { INVALID, APPROVED, BYPASSED, MISSING }

  private static Approval approval(String annotation) {
    if (annotation.isEmpty()) {
      return Approval.MISSING;
    }
    if (annotation.startsWith("unapproved")) {
      return Approval.BYPASSED;
    }
    try {
      java.net.URI uri = new java.net.URI(annotation);
      if (uri.getScheme() != null && uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
        return Approval.APPROVED;
      }
    } catch (java.net.URISyntaxException e) {
      return Approval.INVALID;
    }
    return Approval.INVALID;
  }

  private static List<FieldError> preserveUnknownFields(CrdModel crd, CrdModel old) {
    if (old != null && old.preserveUnknownFields || !crd.preserveUnknownFields) {
      return List.of();
    }
    return List.of(invalid("spec.preserveUnknownFields", true,
        "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));
  }

  private static void immutable(List<FieldError> errs, String newValue, String oldValue, String path) {
    if (!newValue.equals(oldValue)) {
      errs.add(invalid(path, newValue, "field is immutable"));
    }
  }

  private static List<JsonSchemaProps> oldSchemas(CrdModel old) {
    return old.allSchemas().stream().map(JsonSchemaProps::of).toList();
  }

  private static boolean allVersionsHaveSchema(CrdModel old) {
    return CrdModel.openApiSchema(old.validation) != null
        || old.versions.stream().allMatch(v -> CrdModel.openApiSchema(v.schema()) != null);
  }

  private static boolean hasInvalidType(JsonSchemaProps s) {
    return SchemaWalk.any(s, x -> !x.type.isEmpty()
        && !List.of("array", "boolean", "integer", "number", "object", "string").contains(x.type));
  }

  private static boolean hasNonAtomicSetItems(JsonSchemaProps s) {
    return SchemaWalk.any(s, x -> "set".equals(x.xListType) && x.items != null && (
        x.items.type.equals("array") && x.items.xListType != null && !x.items.xListType.equals("atomic")
            || x.items.type.equals("object") && !"atomic".equals(x.items.xMapType)));
  }

  private static boolean hasInvalidMapListKeys(JsonSchemaProps s) {
    return SchemaWalk.any(s, x -> {
      List<FieldError> found = new ArrayList<>();
      CrdSchemaRules.mapListKeysMapSet(x, "", found);
      return !found.isEmpty();
    });
  }

  /** Whether pruning the old schema's defaults would change them (then unpruned defaults stay allowed). */
  private static boolean hasUnprunedDefaults(JsonSchemaProps s) {
    if (!SchemaWalk.any(s, x -> x.defaultValue != null) || StructuralSchemaRules.conversionError(s).isPresent()
        || !StructuralSchemaRules.validate("", s).isEmpty()) {
      return false;
    }
    return SchemaWalk.any(s, x -> {
      if (x.defaultValue == null) {
        return false;
      }
      JsonNode pruned = x.defaultValue.deepCopy();
      StructuralPruning.prune(x, pruned, x == s);
      return !GoJson.deepEqual(pruned, x.defaultValue);
    });
  }
}
