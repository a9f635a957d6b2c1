package dev.gatehouse.aws.eks.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.api.Target;
import java.util.function.Function;

/**
 * An EKS operation Gatehouse serves: its route (method and URI template from the botocore model, labels in
 * braces), what IAM authorises before it runs, and the operation itself.
 *
 * @param uri e.g. {@code /clusters/{name}/access-entries/{principalArn}}
 */
public record EksOperationSpec(String operation, String method, String uri, Function<EksContext, Target> target,
    Run run) {
  /** The operation's logic: reads the request, changes state, returns the response body. */
  @FunctionalInterface
  public interface Run {
    ObjectNode run(EksContext ctx);
  }
}
