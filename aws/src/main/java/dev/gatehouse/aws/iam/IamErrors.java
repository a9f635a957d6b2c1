package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.api.AwsException;
import dev.gatehouse.aws.protocol.AwsError;

/** IAM's modelled errors with the texts IAM answers. */
public final class IamErrors {
  private IamErrors() {}

  public static AwsException noSuchEntity(String message) {
    return new AwsException(new AwsError("NoSuchEntity", message, 404, true));
  }

  public static AwsException alreadyExists(String message) {
    return new AwsException(new AwsError("EntityAlreadyExists", message, 409, true));
  }

  public static AwsException deleteConflict(String message) {
    return new AwsException(new AwsError("DeleteConflict", message, 409, true));
  }

  public static AwsException limitExceeded(String message) {
    return new AwsException(new AwsError("LimitExceeded", message, 409, true));
  }

  public static AwsException invalidInput(String message) {
    return new AwsException(new AwsError("InvalidInput", message, 400, true));
  }

  public static AwsException malformedPolicy(String message) {
    return new AwsException(new AwsError("MalformedPolicyDocument", message, 400, true));
  }

  public static AwsException notAttachable(String message) {
    return new AwsException(new AwsError("PolicyNotAttachable", message, 400, true));
  }

  public static AwsException unmodifiable(String message) {
    return new AwsException(new AwsError("UnmodifiableEntity", message, 400, true));
  }

  public static AwsException concurrentModification() {
    return new AwsException(new AwsError("ConcurrentModification",
        "The request was rejected because multiple requests to change this object were submitted simultaneously."
            + " Wait a few minutes and submit your request again.", 409, true));
  }

  public static AwsException noSuchUser(String name) {
    return noSuchEntity("The user with name " + name + " cannot be found.");
  }

  public static AwsException noSuchGroup(String name) {
    return noSuchEntity("The group with name " + name + " cannot be found.");
  }

  public static AwsException noSuchRole(String name) {
    return noSuchEntity("The role with name " + name + " cannot be found.");
  }
}
