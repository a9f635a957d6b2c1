package dev.gatehouse.iam.policy.validate;

import java.util.List;
import java.util.Set;

/**
 * The Resource / NotResource format messages. IAM finds these while it walks every resource (it remembers the last
 * problem found and reports it only after the Sid and Action checks), so this class keeps that remembered message.
 * Within one statement's list the entries are visited in reverse lexicographic order, which is what makes IAM name
 * the particular resource it does when several are wrong.
 */
final class ResourceFormat {
  /** The partitions IAM knows. */
  static final Set<String> PARTITIONS =
      Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");
  private static final List<String> IAM_PATH_PREFIXES = List.of("user/", "federated-user/", "role/", "group/",
      "instance-profile/", "mfa/", "server-certificate/", "policy/", "sms-mfa/", "saml-provider/", "oidc-provider/",
      "report/", "access-report/");

  private String error;

  /** The message of the last malformed resource seen, or null. */
  String error() {
    return error;
  }

  void check(String resource) {
    if (resource.equals("*")) {
      return;
    }
    int first = resource.indexOf(':');
    if (first < 0) {
      error = MalformedMessages.resourceNotArn(resource);
      return;
    }
    String afterFirst = resource.substring(first + 1);
    int second = afterFirst.indexOf(':');
    String partition = second < 0 ? afterFirst : afterFirst.substring(0, second);
    String afterPartition = second < 0 ? "" : afterFirst.substring(second + 1);
    if (!partition.equals("*") && !PARTITIONS.contains(partition)) {
      error = MalformedMessages.partitionNotValid(partition, shownArn(partition, afterPartition));
      return;
    }
    if (second < 0) {
      error = MalformedMessages.RESOURCE_VENDOR;
      return;
    }
    int third = afterPartition.indexOf(':');
    String service = third < 0 ? afterPartition : afterPartition.substring(0, third);
    String afterService = third < 0 ? "" : afterPartition.substring(third + 1);
    String resourceId = afterNthColon(afterService, 2);
    boolean regional = !afterService.startsWith(":");
    if (service.equals("iam") && regional) {
      error = MalformedMessages.iamRegion(resource);
      return;
    }
    if (service.equals("s3") && regional && !resourceId.startsWith("accesspoint/")) {
      error = MalformedMessages.s3Region(resource);
      return;
    }
    if (service.equals("iam") && !resourceId.startsWith("*")
        && IAM_PATH_PREFIXES.stream().noneMatch(resourceId::startsWith)) {
      error = MalformedMessages.IAM_PATH;
    }
  }

  /** How IAM shows a resource with an unknown partition: missing components become "*". */
  private static String shownArn(String partition, String afterPartition) {
    String[] parts = afterPartition.split(":", -1);
    String service = !parts[0].isEmpty() || parts.length > 1 ? parts[0] : "*";
    String region = parts.length > 1 ? parts[1] : "*";
    String account = parts.length > 2 ? parts[2] : "*";
    String rest = parts.length > 3 ? String.join(":", List.of(parts).subList(3, parts.length)) : "*";
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + rest;
  }

  /** The text after the n-th colon, or "" when there are fewer colons. */
  private static String afterNthColon(String s, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = s.indexOf(':', at + 1);
      if (at < 0) {
        return "";
      }
    }
    return s.substring(at + 1);
  }
}
