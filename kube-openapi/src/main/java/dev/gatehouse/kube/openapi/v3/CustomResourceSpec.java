package dev.gatehouse.kube.openapi.v3;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What the OpenAPI v3 builder needs from one served version of a CustomResourceDefinition.
 *
 * @param schema the version's {@code schema.openAPIV3Schema}, or {@code null} when the CRD has none
 */
public record CustomResourceSpec(
    String group,
    String version,
    String kind,
    String listKind,
    String plural,
    boolean namespaced,
    JsonNode schema,
    boolean statusSubresource,
    boolean scaleSubresource) {

  public CustomResourceSpec {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(listKind, "listKind");
    Objects.requireNonNull(plural, "plural");
    if (group.isEmpty() || version.isEmpty() || kind.isEmpty() || plural.isEmpty()) {
      throw new IllegalArgumentException("openapi: custom resources need a group, version, kind and plural");
    }
  }

  /** A version with {@code listKind = kind + "List"} and no subresources. */
  public static CustomResourceSpec of(
      String group, String version, String kind, String plural, boolean namespaced, JsonNode schema) {
    return new CustomResourceSpec(group, version, kind, kind + "List", plural, namespaced, schema, false, false);
  }

  /** The v3 document this version belongs to, {@code apis/<group>/<version>}. */
  public String documentKey() {
    return DocumentKeys.forGroupVersion(group, version);
  }

  /**
   * The component name kube-apiserver gives the kind: the group reversed, then version and kind, e.g.
   * {@code com.example.stable.v1.CronTab} (kube-openapi {@code util.ToRESTFriendlyName}).
   */
  public String definitionName() {
    return restFriendlyGroup() + "." + version + "." + kind;
  }

  /** The component name of the list kind. */
  public String listDefinitionName() {
    return restFriendlyGroup() + "." + version + "." + listKind;
  }

  boolean sameKind(CustomResourceSpec other) {
    return group.equals(other.group) && version.equals(other.version) && kind.equals(other.kind);
  }

  private String restFriendlyGroup() {
    String[] parts = group.split("\\.");
    StringBuilder out = new StringBuilder();
    for (int i = parts.length - 1; i >= 0; i--) {
      out.append(parts[i]);
      if (i > 0) {
        out.append('.');
      }
    }
    return out.toString();
  }
}
