package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.kube.server.ResponseSink;
import java.util.List;

/** Schema-driven checks of a decoded object: unknown fields and metadata rules. */
public interface ObjectValidation {
  /**
   * Applies fieldValidation {@code mode} (Strict, Warn or Ignore) to unknown and duplicate fields and removes
   * unknown fields from {@code object}. {@code rawJson} is the request body when it was JSON (duplicate keys are
   * only visible there), else null.
   */
  void checkFields(ResourceType type, ObjectNode object, byte[] rawJson, String mode, ResponseSink sink);

  /**
   * Everything kube-apiserver validates on a decoded object: ObjectMeta (name, generateName, labels,
   * annotations), a custom resource against its CRD's schema (after defaulting it), a CRD's own rules.
   *
   * @param old the stored object on update, null on create
   * @param subresource "" or e.g. "status"
   */
  List<Cause> validateObject(ResourceType type, ObjectNode object, ObjectNode old, String subresource);
}
