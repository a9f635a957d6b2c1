package dev.gatehouse.eks.mapping;

/** The few ARN facts the mappers need, for IAM principal ARNs ({@code arn:P:iam::ACCOUNT:role/path/NAME}). */
public final class PrincipalArns {
  private PrincipalArns() {}

  /** The account field, or "" when {@code arn} is not an ARN. */
  public static String account(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[4] : "";
  }

  public static String partition(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[1] : "";
  }

  /** The resource after {@code role/} or {@code user/}, path included; "" for other ARNs. */
  static String resource(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[5] : "";
  }

  public static boolean isRole(String arn) {
    return resource(arn).startsWith("role/");
  }

  /** The last path segment: the role or user name. */
  public static String name(String arn) {
    String resource = resource(arn);
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  /**
   * aws-iam-authenticator's {@code arn.StripPath}: a role ARN without its path ({@code role/a/b/NAME} →
   * {@code role/NAME}), which is the only form STS reports; any other ARN unchanged.
   */
  public static String stripPath(String arn) {
    if (!isRole(arn)) {
      return arn;
    }
    String[] parts = arn.split(":", 6);
    return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + name(arn);
  }
}
