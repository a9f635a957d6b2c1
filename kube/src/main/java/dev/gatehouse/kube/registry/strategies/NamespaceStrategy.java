package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.handlers.Strategy;

/** Namespaces are Active with the "kubernetes" finalizer; deleting one makes it Terminating until emptied. */
public final class NamespaceStrategy implements Strategy {
  @Override
  public void prepareForCreate(ObjectNode object) {
    ObjectNode spec = object.withObject("/spec");
    if (!spec.has("finalizers")) {
      spec.putArray("finalizers").add("kubernetes");
    }
    object.withObject("/status").put("phase", "Active");
    // kube-apiserver labels every namespace with its own name
    object.withObject("/metadata").withObject("/labels")
        .put("kubernetes.io/metadata.name", object.path("metadata").path("name").asText());
  }

  @Override
  public void prepareForUpdate(ObjectNode updated, ObjectNode old) {
    updated.set("status", old.path("status").deepCopy());
    updated.withObject("/metadata").withObject("/labels")
        .put("kubernetes.io/metadata.name", old.path("metadata").path("name").asText());
  }

  @Override
  public boolean finalizesOnDelete(ObjectNode object) {
    return true;
  }

  @Override
  public void prepareForDeletion(ObjectNode object) {
    object.withObject("/status").put("phase", "Terminating");
  }
}
