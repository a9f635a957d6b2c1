package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Server-side apply ({@code application/apply-patch+yaml}): the object to create, or the merged object. */
public interface ServerSideApply {
  ObjectNode forCreate(ResourceContext ctx, ObjectNode applied);

  ObjectNode forUpdate(ResourceContext ctx, ObjectNode live, ObjectNode applied);
}
