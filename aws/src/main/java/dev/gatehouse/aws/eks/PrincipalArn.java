package dev.gatehouse.aws.eks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM principal an access entry names: a user or role ARN, with its path. Access entries take permanent
 * identities only: STS session ARNs and service-linked roles ({@code role/aws-service-role/…}) are refused, as
 * the EKS model and user guide say.
 *
 * @param kind "user" or "role"
 * @param path "/" or "/a/b/"
 */
record PrincipalArn(String arn, String account, String kind, String path, String name) {
  private static final Pattern IAM = Pattern.compile("arn:aws:iam::(\\d{12}):(user|role)(/(?:[\\x21-\\x7E]*/)?)([\\w+=,.@-]+)");
  private static final Pattern ANY_ARN = Pattern.compile("arn:[^:]+:[^:]+:[^:]*:[^:]*:.+");

  /** Parses {@code arn} as an access entry principal or fails with the error EKS gives. */
  static PrincipalArn parse(String arn) {
    Matcher m = IAM.matcher(arn);
    if (m.matches()) {
      if (m.group(2).equals("role") && m.group(3).startsWith("/aws-service-role/")) {
        throw EksErrors.serviceLinkedRole();
      }
      return new PrincipalArn(arn, m.group(1), m.group(2), m.group(3), m.group(4));
    }
    if (ANY_ARN.matcher(arn).matches()) {
      // A well-formed ARN that is no IAM user or role: an STS session, a group, an account root, another service.
      throw EksErrors.invalidPrincipal();
    }
    throw EksErrors.principalFormat();
  }

  boolean isRole() {
    return kind.equals("role");
  }

  /**
   * The username EKS sets when none is given (user guide, "Create access entries"): a user's ARN; for a role,
   * its assumed-role ARN without the path and with the {@code {{SessionName}}} template.
   */
  String defaultStandardUsername() {
    return isRole() ? "arn:aws:sts::" + account + ":assumed-role/" + name + "/{{SessionName}}" : arn;
  }
}
