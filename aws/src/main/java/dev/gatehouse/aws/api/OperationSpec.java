package dev.gatehouse.aws.api;

import java.util.function.Function;

/**
 * An action Gatehouse serves.
 *
 * @param service "iam" or "sts": the SigV4 scope service the request must carry
 * @param signed false only for STS's unsigned-by-design actions (AssumeRoleWithWebIdentity, ...SAML)
 * @param target what IAM authorises before {@code operation} runs; null when the operation authorises itself
 *     (AssumeRole evaluates the trust policy) or is always allowed (GetCallerIdentity)
 */
public record OperationSpec(String service, String action, boolean signed, Function<OperationContext, Target> target,
    Operation operation) {
  public static OperationSpec iam(String action, Function<OperationContext, Target> target, Operation operation) {
    return new OperationSpec("iam", action, true, target, operation);
  }

  public static OperationSpec sts(String action, Function<OperationContext, Target> target, Operation operation) {
    return new OperationSpec("sts", action, true, target, operation);
  }

  public static OperationSpec stsUnsigned(String action, Operation operation) {
    return new OperationSpec("sts", action, false, null, operation);
  }
}
