package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Whether a stored object is selected by a request's label and field selectors. */
@FunctionalInterface
public interface ObjectFilter {
  ObjectFilter ALL = o -> true;

  boolean matches(ObjectNode object);
}
