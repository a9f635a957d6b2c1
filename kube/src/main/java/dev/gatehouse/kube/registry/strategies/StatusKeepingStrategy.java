package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.handlers.Strategy;

/**
 * For kinds with a status subresource: an update of the main resource keeps the stored status, and the
 * generation follows spec changes when asked.
 */
public class StatusKeepingStrategy implements Strategy {
  private final boolean generation;

  public StatusKeepingStrategy(boolean generation) {
    this.generation = generation;
  }

  @Override
  public void prepareForUpdate(ObjectNode updated, ObjectNode old) {
    if (old.has("status")) {
      updated.set("status", old.get("status").deepCopy());
    } else {
      updated.remove("status");
    }
  }

  @Override
  public boolean tracksGeneration() {
    return generation;
  }
}
