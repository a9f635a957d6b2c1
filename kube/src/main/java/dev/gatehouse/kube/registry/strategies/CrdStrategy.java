package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.openapi.schema.CrdValidator;

/** CustomResourceDefinitions: status is the controller's, and the cleanup finalizer is added on create. */
public final class CrdStrategy extends StatusKeepingStrategy {
  /** Makes deleting a CRD first delete its custom resources (see the CRD controller). */
  public static final String CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

  public CrdStrategy() {
    super(true);
  }

  @Override
  public void prepareForCreate(ObjectNode object) {
    ArrayNode finalizers = object.withObject("/metadata").withArray("finalizers");
    boolean present = false;
    for (var f : finalizers) {
      present |= f.asText().equals(CLEANUP_FINALIZER);
    }
    if (!present) {
      finalizers.add(CLEANUP_FINALIZER);
    }
    CrdValidator.prepareForCreate(object);
  }

  @Override
  public void prepareForUpdate(ObjectNode updated, ObjectNode old) {
    super.prepareForUpdate(updated, old);
    CrdValidator.prepareForUpdate(updated, old);
  }
}
