package dev.gatehouse.kube.request;

/**
 * What a request addresses, as kube-apiserver's RequestInfo: the RBAC verb and the resource coordinates, or a
 * non-resource path. {@code cluster} is the logical cluster ("" for the default one at "/").
 */
public record RequestInfo(String cluster, boolean resourceRequest, String path, String verb, String apiPrefix,
    String apiGroup, String apiVersion, String namespace, String resource, String subresource, String name) {

  public static RequestInfo nonResource(String cluster, String path, String verb) {
    return new RequestInfo(cluster, false, path, verb, "", "", "", "", "", "", "");
  }

  public boolean hasName() {
    return !name.isEmpty();
  }
}
