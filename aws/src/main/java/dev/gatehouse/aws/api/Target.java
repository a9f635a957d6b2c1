package dev.gatehouse.aws.api;

import java.util.List;
import java.util.Map;

/**
 * What an operation is authorised against: the IAM action, the resource ARN, and the request-specific
 * condition keys (aws:RequestTag/…, aws:TagKeys, iam:PolicyARN, …).
 */
public record Target(String action, String resource, Map<String, List<String>> conditionKeys) {
  public Target {
    conditionKeys = Map.copyOf(conditionKeys);
  }

  public static Target of(String action, String resource) {
    return new Target(action, resource, Map.of());
  }
}
