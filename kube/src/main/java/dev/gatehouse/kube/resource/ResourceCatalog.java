package dev.gatehouse.kube.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources one logical cluster serves: the built-ins plus those its CustomResourceDefinitions add. An
 * immutable snapshot; a CRD change produces a new catalog ({@link #withCustom}).
 */
public final class ResourceCatalog {
  private final List<ResourceType> types;
  private final Map<String, ResourceType> byGroupVersionPlural = new LinkedHashMap<>();

  public ResourceCatalog(List<ResourceType> types) {
    this.types = List.copyOf(types);
    for (ResourceType t : this.types) {
      byGroupVersionPlural.put(key(t.group(), t.version(), t.plural()), t);
    }
  }

  public static ResourceCatalog builtin() {
    return new ResourceCatalog(BuiltinResources.all());
  }

  /** This catalog with the given custom types replacing any earlier custom ones. */
  public ResourceCatalog withCustom(List<ResourceType> custom) {
    List<ResourceType> all = new ArrayList<>();
    types.stream().filter(t -> !t.isCustom()).forEach(all::add);
    all.addAll(custom);
    return new ResourceCatalog(all);
  }

  public List<ResourceType> types() {
    return types;
  }

  public Optional<ResourceType> find(String group, String version, String plural) {
    return Optional.ofNullable(byGroupVersionPlural.get(key(group, version, plural)));
  }

  /** Whether any resource is served in this group-version. */
  public boolean servesGroupVersion(String group, String version) {
    return types.stream().anyMatch(t -> t.group().equals(group) && t.version().equals(version));
  }

  /** Group names in discovery order: the core group first, then in catalog order. */
  public List<String> groups() {
    List<String> groups = new ArrayList<>();
    for (ResourceType t : types) {
      if (!groups.contains(t.group())) {
        groups.add(t.group());
      }
    }
    return groups;
  }

  /** Versions of a group, preferred first. */
  public List<String> versions(String group) {
    List<String> versions = new ArrayList<>();
    for (ResourceType t : types) {
      if (t.group().equals(group) && !versions.contains(t.version())) {
        versions.add(t.version());
      }
    }
    return versions;
  }

  public List<ResourceType> inGroupVersion(String group, String version) {
    return types.stream().filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
  }

  private static String key(String group, String version, String plural) {
    return group + "/" + version + "/" + plural;
  }
}
