package dev.gatehouse.kube.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps group-version-kinds to swagger definition names and back, using each definition's
 * {@code x-kubernetes-group-version-kind} list. Shared definitions such as {@code meta.v1.DeleteOptions} or
 * {@code meta.v1.WatchEvent} carry many GVKs; every one of them maps back to the single definition.
 */
public final class DefinitionIndex {
  private static volatile DefinitionIndex bundled;

  private final Map<GroupVersionKind, String> definitionByGvk;
  private final Map<String, List<GroupVersionKind>> gvksByDefinition;

  private DefinitionIndex(Map<GroupVersionKind, String> byGvk, Map<String, List<GroupVersionKind>> byDefinition) {
    this.definitionByGvk = byGvk;
    this.gvksByDefinition = byDefinition;
  }

  /** The index of the bundled swagger, built once. */
  public static DefinitionIndex bundled() {
    DefinitionIndex index = bundled;
    if (index == null) {
      synchronized (DefinitionIndex.class) {
        index = bundled;
        if (index == null) {
          index = fromDefinitions(Swagger.definitions());
          bundled = index;
        }
      }
    }
    return index;
  }

  /**
   * Builds an index from a swagger {@code definitions} object. A GVK claimed by two definitions is a broken
   * document, so it fails fast rather than picking one silently.
   */
  public static DefinitionIndex fromDefinitions(JsonNode definitions) {
    Map<GroupVersionKind, String> byGvk = new HashMap<>();
    Map<String, List<GroupVersionKind>> byDefinition = new HashMap<>();
    definitions.properties().forEach(entry -> {
      JsonNode gvks = entry.getValue().path("x-kubernetes-group-version-kind");
      List<GroupVersionKind> list = new ArrayList<>();
      for (JsonNode gvk : gvks) {
        GroupVersionKind parsed = new GroupVersionKind(
            gvk.path("group").asText(), gvk.path("version").asText(), gvk.path("kind").asText());
        String previous = byGvk.putIfAbsent(parsed, entry.getKey());
        if (previous != null) {
          throw new IllegalArgumentException(
              "openapi: " + parsed + " is claimed by both " + previous + " and " + entry.getKey());
        }
        list.add(parsed);
      }
      if (!list.isEmpty()) {
        byDefinition.put(entry.getKey(), List.copyOf(list));
      }
    });
    return new DefinitionIndex(Map.copyOf(byGvk), Map.copyOf(byDefinition));
  }

  /** The definition name for a GVK, e.g. {@code io.k8s.api.core.v1.ConfigMap} for {@code v1, Kind=ConfigMap}. */
  public Optional<String> definitionFor(GroupVersionKind gvk) {
    return Optional.ofNullable(definitionByGvk.get(gvk));
  }

  /** The GVKs a definition declares, in document order; empty for definitions that are not kinds. */
  public List<GroupVersionKind> groupVersionKindsOf(String definitionName) {
    return gvksByDefinition.getOrDefault(definitionName, Collections.emptyList());
  }

  /** Number of distinct GVKs indexed. */
  public int size() {
    return definitionByGvk.size();
  }
}
