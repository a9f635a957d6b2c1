package dev.gatehouse.kube.handlers;

import dev.gatehouse.kube.request.RequestInfo;

/** Derived request contexts, for work a handler does on objects other than the one the URL names. */
final class Contexts {
  private Contexts() {}

  static ResourceContext withName(ResourceContext ctx, String name, String namespace) {
    RequestInfo i = ctx.info();
    RequestInfo named = new RequestInfo(i.cluster(), true, i.path(), i.verb(), i.apiPrefix(), i.apiGroup(),
        i.apiVersion(), namespace, i.resource(), i.subresource(), name);
    return new ResourceContext(ctx.request(), named, ctx.cluster(), ctx.type(), ctx.user());
  }
}
