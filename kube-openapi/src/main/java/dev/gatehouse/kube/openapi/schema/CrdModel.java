package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A CustomResourceDefinition as kube-apiserver validates it: the {@code apiextensions.k8s.io/v1} object after
 * v1 defaulting (singular, listKind, conversion strategy) and conversion to the internal version. That
 * conversion hoists per-version {@code schema}, {@code subresources}, {@code additionalPrinterColumns} and
 * {@code selectableFields} to the spec when all versions carry identical values, which is why errors in a
 * single-version CRD's schema are reported under {@code spec.validation.openAPIV3Schema}.
 */
final class CrdModel {
  record Names(String plural, String singular, List<String> shortNames, String kind, String listKind,
      List<String> categories) {
    static Names of(JsonNode n, boolean applyDefaults) {
      String kind = n.path("kind").asText("");
      String singular = n.path("singular").asText("");
      String listKind = n.path("listKind").asText("");
      if (applyDefaults && singular.isEmpty()) {
        singular = kind.toLowerCase(Locale.ROOT);
      }
      if (applyDefaults && listKind.isEmpty() && !kind.isEmpty()) {
        listKind = kind + "List";
      }
      return new Names(n.path("plural").asText(""), singular, strings(n.get("shortNames")), kind, listKind,
          strings(n.get("categories")));
    }
  }

  /**
   * One entry of {@code spec.versions}; {@code schema}, {@code subresources}, {@code columns} and
   * {@code selectableFields} are null/absent when hoisted or unset ({@code columns} null means a nil slice).
   */
  record Version(String name, boolean served, boolean storage, boolean deprecated, String deprecationWarning,
      JsonNode schema, JsonNode subresources, JsonNode columns, JsonNode selectableFields) {}

  /** {@code spec.conversion} in internal form. */
  record Conversion(String strategy, JsonNode webhookClientConfig, JsonNode conversionReviewVersions) {}

  final JsonNode metadata;
  final String group;
  final Names names;
  final String scope;
  final List<Version> versions;
  final boolean versionsNil;
  final JsonNode validation;
  final JsonNode subresources;
  final JsonNode columns;
  final JsonNode selectableFields;
  final Conversion conversion;
  final boolean preserveUnknownFields;
  final Names acceptedNames;
  final List<String> storedVersions;
  final JsonNode conditions;

  /**
   * @param status the status the server validates with: empty on create (PrepareForCreate resets it), the stored
   *               object's on update (PrepareForUpdate keeps it)
   */
  private CrdModel(JsonNode crd, JsonNode status, List<String> storedVersions) {
    JsonNode spec = crd.path("spec");
    metadata = crd.path("metadata");
    group = spec.path("group").asText("");
    names = Names.of(spec.path("names"), true);
    scope = spec.path("scope").asText("");
    preserveUnknownFields = spec.path("preserveUnknownFields").asBoolean(false);
    versionsNil = !spec.path("versions").isArray();
    List<JsonNode> raw = new ArrayList<>();
    spec.path("versions").forEach(raw::add);
    boolean sameSchema = identical(raw, "schema");
    boolean sameSubresources = identical(raw, "subresources");
    boolean sameColumns = identical(raw, "additionalPrinterColumns");
    boolean sameSelectable = identical(raw, "selectableFields");
    JsonNode first = raw.isEmpty() ? MissingNode.getInstance() : raw.get(0);
    validation = sameSchema && !raw.isEmpty() ? present(first.get("schema")) : null;
    subresources = sameSubresources && !raw.isEmpty() ? present(first.get("subresources")) : null;
    columns = sameColumns && !raw.isEmpty() ? present(first.get("additionalPrinterColumns")) : null;
    selectableFields = sameSelectable && !raw.isEmpty() ? present(first.get("selectableFields")) : null;
    List<Version> list = new ArrayList<>();
    for (JsonNode v : raw) {
      list.add(new Version(v.path("name").asText(""), v.path("served").asBoolean(false),
          v.path("storage").asBoolean(false), v.path("deprecated").asBoolean(false),
          v.hasNonNull("deprecationWarning") ? v.get("deprecationWarning").asText() : null,
          sameSchema ? null : present(v.get("schema")),
          sameSubresources ? null : present(v.get("subresources")),
          sameColumns ? null : present(v.get("additionalPrinterColumns")),
          sameSelectable ? null : present(v.get("selectableFields"))));
    }
    versions = List.copyOf(list);
    conversion = conversion(spec.get("conversion"));
    acceptedNames = Names.of(status.path("acceptedNames"), false);
    this.storedVersions = storedVersions;
    conditions = status.path("conditions");
  }

  /** The CRD as validated on create: status cleared, then the storage version recorded as stored. */
  static CrdModel forCreate(JsonNode crd) {
    return new CrdModel(crd, MissingNode.getInstance(), withStorageVersion(List.of(), crd));
  }

  /** The CRD as validated on update: the old status kept, plus the new storage version. */
  static CrdModel forUpdate(JsonNode newCrd, JsonNode oldCrd) {
    JsonNode oldStatus = oldCrd.path("status");
    return new CrdModel(newCrd, oldStatus, withStorageVersion(strings(oldStatus.get("storedVersions")), newCrd));
  }

  /** The old object of an update, validated as stored. */
  static CrdModel asStored(JsonNode crd) {
    return new CrdModel(crd, crd.path("status"), strings(crd.path("status").get("storedVersions")));
  }

  /** PrepareForCreate/PrepareForUpdate: append the first storage version unless already stored. */
  static List<String> withStorageVersion(List<String> stored, JsonNode crd) {
    List<String> out = new ArrayList<>(stored);
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (v.path("storage").asBoolean(false)) {
        String name = v.path("name").asText("");
        if (!out.contains(name)) {
          out.add(name);
        }
        break;
      }
    }
    return out;
  }

  /** The hoisted {@code spec.version}: the first version's name, or empty. */
  String version() {
    return versions.isEmpty() ? "" : versions.get(0).name();
  }

  /** The {@code openAPIV3Schema} node of a {@code schema} wrapper, or null. */
  static JsonNode openApiSchema(JsonNode validationWrapper) {
    return validationWrapper == null ? null : present(validationWrapper.get("openAPIV3Schema"));
  }

  /** Every schema in the spec: the hoisted one and the per-version ones. */
  List<JsonNode> allSchemas() {
    List<JsonNode> out = new ArrayList<>();
    if (openApiSchema(validation) != null) {
      out.add(openApiSchema(validation));
    }
    for (Version v : versions) {
      if (openApiSchema(v.schema()) != null) {
        out.add(openApiSchema(v.schema()));
      }
    }
    return out;
  }

  /** The subresources that apply to a version (per-version ones, else the hoisted ones). */
  JsonNode subresourcesFor(Version version) {
    boolean perVersion = versions.stream().anyMatch(v -> v.subresources() != null);
    return perVersion ? version.subresources() : subresources;
  }

  boolean anyStatusEnabled() {
    return hasStatus(subresources) || versions.stream().anyMatch(v -> hasStatus(v.subresources()));
  }

  static boolean hasStatus(JsonNode subresources) {
    return subresources != null && subresources.hasNonNull("status");
  }

  boolean isEstablished() {
    for (JsonNode c : conditions) {
      if ("Established".equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
        return true;
      }
    }
    return false;
  }

  private static Conversion conversion(JsonNode node) {
    if (node == null || node.isNull()) {
      return new Conversion("None", null, null);
    }
    JsonNode webhook = node.path("webhook");
    JsonNode clientConfig = present(webhook.get("clientConfig"));
    return new Conversion(node.path("strategy").asText(""), clientConfig, present(webhook.get("conversionReviewVersions")));
  }

  /** Semantic equality of a per-version field across all versions (absent equals absent). */
  private static boolean identical(List<JsonNode> versions, String field) {
    if (versions.isEmpty()) {
      return false;
    }
    JsonNode first = present(versions.get(0).get(field));
    for (JsonNode v : versions) {
      if (!Objects.equals(first, present(v.get(field)))) {
        return false;
      }
    }
    return true;
  }

  static JsonNode present(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(v -> out.add(v.asText()));
    }
    return out;
  }
}
