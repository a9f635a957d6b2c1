package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A check of who may write what, beyond authorization of the request itself (RBAC escalation prevention).
 * Runs after validation, before storage; throws a StatusException to refuse.
 */
@FunctionalInterface
public interface WriteGuard {
  /** @param old the stored object on update, null on create */
  void check(ResourceContext ctx, ObjectNode object, ObjectNode old);
}
