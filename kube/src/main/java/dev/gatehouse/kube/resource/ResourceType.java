package dev.gatehouse.kube.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One served resource of one group-version: what discovery advertises, how requests address it, and what
 * validates it. Built-in types name an OpenAPI {@code definition}; custom resources carry their CRD's
 * {@code versions[]} entry (schema, printer columns, subresources) instead. Types that are not {@code persisted}
 * (the review APIs) only answer create, computed from the request.
 */
public record ResourceType(String group, String version, String kind, String plural, String singular,
    boolean namespaced, List<String> shortNames, List<String> categories, List<String> verbs,
    List<Subresource> subresources, String definition, JsonNode crdVersion, boolean persisted) {

  /** A subresource such as {@code status} or {@code scale}; group/version/kind are the response kind's. */
  public record Subresource(String name, String group, String version, String kind, List<String> verbs) {}

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public String listKind() {
    return kind + "List";
  }

  /** The structural schema of a custom resource (missing node for built-ins). */
  public JsonNode schema() {
    return crdVersion == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : crdVersion.path("schema").path("openAPIV3Schema");
  }

  public boolean isCustom() {
    return definition == null;
  }

  public boolean supports(String verb) {
    return verbs.contains(verb);
  }

  public Optional<Subresource> subresource(String name) {
    return subresources.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** "configmaps" or "deployments.apps": how errors name the resource. */
  public String qualifiedResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
