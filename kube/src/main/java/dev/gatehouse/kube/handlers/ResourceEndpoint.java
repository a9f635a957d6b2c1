package dev.gatehouse.kube.handlers;

import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.request.RequestInfo;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.kube.server.ApiRequest;
import dev.gatehouse.kube.server.ResponseSink;

/** Resolves the resource a request names and dispatches by verb to the handlers. */
public final class ResourceEndpoint {
  private final ReadHandler reads;
  private final WriteHandler writes;
  private final PatchHandler patches;
  private final WatchHandler watches;
  private final SubresourceHandler subresources;
  private final ReviewHandler reviews;

  public ResourceEndpoint(ReadHandler reads, WriteHandler writes, PatchHandler patches, WatchHandler watches,
      SubresourceHandler subresources, ReviewHandler reviews) {
    this.reviews = reviews;
    this.reads = reads;
    this.writes = writes;
    this.patches = patches;
    this.watches = watches;
    this.subresources = subresources;
  }

  public void serve(ApiRequest request, RequestInfo info, LogicalCluster cluster, UserInfo user, ResponseSink sink) {
    ResourceType type = cluster.catalog().find(info.apiGroup(), info.apiVersion(), info.resource())
        .orElseThrow(Errors::pathNotFound);
    if (type.namespaced() == false && !info.namespace().isEmpty() && !type.plural().equals("namespaces")) {
      throw Errors.pathNotFound();
    }
    ResourceContext ctx = new ResourceContext(request, info, cluster, type, user);
    if (!type.persisted()) {
      reviews.serve(ctx, sink);
      return;
    }
    if (!info.subresource().isEmpty()) {
      type.subresource(info.subresource()).orElseThrow(Errors::pathNotFound);
      subresources.serve(ctx, sink);
      return;
    }
    String verb = info.verb();
    if (!type.supports(verb)) {
      throw Errors.methodNotSupported(type.group(), type.plural(), verb);
    }
    switch (verb) {
      case "get" -> reads.get(ctx, sink);
      case "list" -> reads.list(ctx, sink);
      case "watch" -> watches.watch(ctx, sink);
      case "create" -> {
        if (info.hasName()) {
          throw Errors.methodNotSupported(type.group(), type.plural(), "create");
        }
        writes.create(ctx, sink);
      }
      case "update" -> writes.update(ctx, sink);
      case "patch" -> patches.patch(ctx, sink);
      case "delete" -> writes.delete(ctx, sink);
      case "deletecollection" -> writes.deleteCollection(ctx, sink);
      default -> throw Errors.methodNotSupported(type.group(), type.plural(), verb);
    }
  }
}
