package dev.gatehouse.aws.api;

import dev.gatehouse.aws.protocol.Node;

/** One IAM or STS action's domain logic: reads parameters, changes state, returns the result tree (null: none). */
@FunctionalInterface
public interface Operation {
  Node run(OperationContext ctx);
}
