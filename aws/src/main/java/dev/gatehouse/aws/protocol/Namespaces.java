package dev.gatehouse.aws.protocol;

/** XML namespaces of the Query services (botocore's {@code xmlNamespace}). */
public final class Namespaces {
  public static final String IAM = "https://iam.amazonaws.com/doc/2010-05-08/";
  public static final String STS = "https://sts.amazonaws.com/doc/2011-06-15/";
  /**
   * Errors raised before an operation is found, e.g. {@code InvalidAction}, carry this namespace instead of the
   * service's (observed from STS); authentication and operation errors carry the service's.
   */
  public static final String AWS_FAULT = "http://webservices.amazon.com/AWSFault/2005-15-09";

  private Namespaces() {
  }

  /** The namespace an error response uses: {@link #AWS_FAULT} for routing errors, else the service's. */
  public static String forError(String serviceNamespace, AwsError error) {
    return switch (error.code()) {
      case "InvalidAction", "MissingAction" -> AWS_FAULT;
      default -> serviceNamespace;
    };
  }
}
