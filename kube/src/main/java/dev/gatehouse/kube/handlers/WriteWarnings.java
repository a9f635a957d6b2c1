package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Advice on an object just written, sent to the client as {@code Warning} headers: the write itself is kept.
 * Used where a stored object configures something else (the aws-auth ConfigMap) and a mistake should be
 * visible to whoever made it without refusing the write.
 */
@FunctionalInterface
public interface WriteWarnings {
  /** @param object the object as stored (or as it would be, on dry run) */
  List<String> warnings(ResourceContext ctx, ObjectNode object);
}
