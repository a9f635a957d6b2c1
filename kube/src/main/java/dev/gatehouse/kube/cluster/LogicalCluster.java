package dev.gatehouse.kube.cluster;

import dev.gatehouse.kube.resource.ResourceCatalog;

/**
 * One independent Kubernetes cluster served by this Gatehouse: its own object space and its own resource
 * catalog (built-ins plus its CRDs). {@code name} is "" for the default cluster at "/".
 */
public final class LogicalCluster {
  private final String name;
  private volatile ResourceCatalog catalog;

  public LogicalCluster(String name, ResourceCatalog catalog) {
    this.name = name;
    this.catalog = catalog;
  }

  public String name() {
    return name;
  }

  public ResourceCatalog catalog() {
    return catalog;
  }

  public void replaceCatalog(ResourceCatalog next) {
    this.catalog = next;
  }

  /** The URL path prefix of this cluster ("" or "/clusters/<name>"). */
  public String urlPrefix() {
    return name.isEmpty() ? "" : "/clusters/" + name;
  }
}
