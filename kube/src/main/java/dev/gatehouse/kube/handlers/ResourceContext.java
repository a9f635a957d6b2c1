package dev.gatehouse.kube.handlers;

import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.request.RequestInfo;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.kube.server.ApiRequest;

/** Everything a resource handler needs to know about one request. */
public record ResourceContext(ApiRequest request, RequestInfo info, LogicalCluster cluster, ResourceType type,
    UserInfo user) {

  public String namespace() {
    return info.namespace();
  }

  public String name() {
    return info.name();
  }

  public String clusterName() {
    return cluster.name();
  }

  /** The kind this endpoint reads and writes, for decoding request bodies. */
  public dev.gatehouse.kube.proto.GroupVersionKind targetKind() {
    return new dev.gatehouse.kube.proto.GroupVersionKind(type.group(), type.version(), type.kind());
  }

  public boolean dryRun() {
    return request.query().getOrDefault("dryRun", java.util.List.of()).contains("All");
  }
}
