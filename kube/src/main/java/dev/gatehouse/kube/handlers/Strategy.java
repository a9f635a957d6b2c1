package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.StatusException.Cause;
import java.util.List;

/**
 * What is specific to one kind when it is written: defaults applied on create, fields carried over on update,
 * and validation beyond the generic metadata checks. Mirrors the create/update strategies of kube-apiserver's
 * registries, restricted to what Gatehouse's users observe.
 */
public interface Strategy {
  Strategy DEFAULT = new Strategy() {};

  /** Applies defaults to a new object (the object is mutated in place). */
  default void prepareForCreate(ObjectNode object) {}

  /** As {@link #prepareForCreate(ObjectNode)}, for kinds whose defaults depend on the cluster's state. */
  default void prepareForCreate(ResourceContext ctx, ObjectNode object) {
    prepareForCreate(object);
  }

  /** Carries over what an update may not change (e.g. status on the main resource). */
  default void prepareForUpdate(ObjectNode updated, ObjectNode old) {}

  /** Kind-specific validation causes (field paths as upstream). */
  default List<Cause> validate(ObjectNode object) {
    return List.of();
  }

  /** Kind-specific validation of an update; by default the same as for a new object. */
  default List<Cause> validateUpdate(ObjectNode updated, ObjectNode old) {
    return validate(updated);
  }

  /** Whether a delete only marks the object (it finalizes itself later), as namespaces do. */
  default boolean finalizesOnDelete(ObjectNode object) {
    return false;
  }

  /** Adjusts an object being marked for deletion (e.g. a namespace's phase becomes Terminating). */
  default void prepareForDeletion(ObjectNode object) {}

  /** Whether {@code metadata.generation} is maintained (bumped when the spec changes). */
  default boolean tracksGeneration() {
    return false;
  }
}
