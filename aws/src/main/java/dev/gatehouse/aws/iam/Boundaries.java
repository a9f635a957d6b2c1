package dev.gatehouse.aws.iam;

/** Checks of a permissions boundary ARN before it is set. */
final class Boundaries {
  private Boundaries() {}

  static void check(IamServices iam, String arn) {
    PolicyArns.check(arn);
    if (iam.policies().managed(arn).isEmpty()) {
      throw IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
    }
  }
}
