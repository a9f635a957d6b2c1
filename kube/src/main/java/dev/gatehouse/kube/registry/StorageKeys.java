package dev.gatehouse.kube.registry;

import dev.gatehouse.kube.resource.ResourceType;

/**
 * Where objects live in the store. Each logical cluster has its own key space, so clusters never see each
 * other's objects: {@code /registry/<group>/<plural>/[<namespace>/]<name>} for the default cluster and
 * {@code /clusters/<cluster>/registry/...} for the others.
 */
public final class StorageKeys {
  private StorageKeys() {}

  public static String clusterRoot(String cluster) {
    return cluster.isEmpty() ? "/registry/" : "/clusters/" + cluster + "/registry/";
  }

  /** Prefix of every object of a type in a cluster (all namespaces). */
  public static String typePrefix(String cluster, ResourceType type) {
    return clusterRoot(cluster) + (type.group().isEmpty() ? "core" : type.group()) + "/" + type.plural() + "/";
  }

  /** Prefix of the objects of a type in one namespace, or of all when namespace is empty. */
  public static String listPrefix(String cluster, ResourceType type, String namespace) {
    String prefix = typePrefix(cluster, type);
    return type.namespaced() && !namespace.isEmpty() ? prefix + namespace + "/" : prefix;
  }

  public static String objectKey(String cluster, ResourceType type, String namespace, String name) {
    return listPrefix(cluster, type, type.namespaced() ? namespace : "") + name;
  }
}
