package dev.gatehouse.eks.mapping;

import java.util.Locale;

/**
 * An aws-auth {@code sso} matcher: every role IAM Identity Center creates for one permission set in one account
 * ({@code role/AWSReservedSSO_<PermissionSet>_<random suffix>}).
 *
 * @param partition empty for {@code aws}
 */
public record SsoMatcher(String permissionSetName, String accountId, String partition) {
  /**
   * The ArnLike pattern, lower-cased as upstream builds it. Upstream only fills in the partition when it is
   * empty and otherwise leaves it blank (so an explicit partition never matches); the evident intent, the given
   * partition, is used here instead.
   */
  public String arnLike() {
    String p = partition.isEmpty() ? "aws" : partition;
    return ("arn:" + p + ":iam::" + accountId + ":role/AWSReservedSSO_" + permissionSetName + "_*")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Upstream's {@code arn.ArnLike(subject, pattern)} for this pattern: six colon-separated sections compared one
   * by one, {@code *} matching any run of characters. Only the resource section holds a wildcard, and only at
   * its end, so a prefix test is exact.
   *
   * @param lowerCanonicalArn the caller's canonical ARN, lower-cased
   */
  boolean matches(String lowerCanonicalArn) {
    String pattern = arnLike();
    String[] want = pattern.split(":", 6);
    String[] got = lowerCanonicalArn.split(":", 6);
    if (got.length != 6 || !got[0].equals("arn")) {
      return false;
    }
    for (int i = 1; i < 5; i++) {
      if (!want[i].equals(got[i])) {
        return false;
      }
    }
    String resourcePrefix = want[5].substring(0, want[5].length() - 1);
    return got[5].startsWith(resourcePrefix);
  }
}
