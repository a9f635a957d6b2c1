package dev.gatehouse.aws.iam;

import java.util.regex.Pattern;

/**
 * The shape of a managed policy ARN, checked before any lookup: IAM answers a malformed one with
 * {@code InvalidInput: ARN … is not valid.}, and only a well-formed ARN that names nothing with NoSuchEntity.
 */
final class PolicyArns {
  private static final Pattern POLICY_ARN =
      Pattern.compile("arn:aws:iam::(aws|\\d{12}):policy(/[\\u0021-\\u0039\\u003B-\\u007E]*)?/[\\w+=,.@-]+");

  private PolicyArns() {}

  static String check(String arn) {
    if (!POLICY_ARN.matcher(arn).matches()) {
      throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
    }
    return arn;
  }
}
