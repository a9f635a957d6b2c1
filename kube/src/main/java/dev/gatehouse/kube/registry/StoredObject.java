package dev.gatehouse.kube.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An object as read from storage; {@code metadata.resourceVersion} is set to {@code modRevision}. */
public record StoredObject(ObjectNode object, long modRevision) {}
