package dev.gatehouse.aws.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM user. Group membership is kept on the user (a user is in at most 10 groups), so adding a user to a
 * group writes one key.
 *
 * @param inlinePolicies policy name → document (as given, not URL-encoded)
 * @param attachedPolicies managed policy ARNs in attachment order
 */
public record User(String account, String name, String path, String id, Instant created, List<Tag> tags,
    Map<String, String> inlinePolicies, List<String> attachedPolicies, List<String> groups,
    String permissionsBoundary) {
  public User {
    tags = List.copyOf(tags);
    inlinePolicies = Entities.orderedCopy(inlinePolicies);
    attachedPolicies = List.copyOf(attachedPolicies);
    groups = List.copyOf(groups);
  }

  public String arn() {
    return "arn:aws:iam::" + account + ":user" + path + name;
  }

  public User withTags(List<Tag> newTags) {
    return new User(account, name, path, id, created, newTags, inlinePolicies, attachedPolicies, groups, permissionsBoundary);
  }

  public User withInlinePolicies(Map<String, String> policies) {
    return new User(account, name, path, id, created, tags, policies, attachedPolicies, groups, permissionsBoundary);
  }

  public User withAttachedPolicies(List<String> arns) {
    return new User(account, name, path, id, created, tags, inlinePolicies, arns, groups, permissionsBoundary);
  }

  public User withGroups(List<String> groupNames) {
    return new User(account, name, path, id, created, tags, inlinePolicies, attachedPolicies, groupNames, permissionsBoundary);
  }

  public User withPermissionsBoundary(String arn) {
    return new User(account, name, path, id, created, tags, inlinePolicies, attachedPolicies, groups, arn);
  }

  public User withNameAndPath(String newName, String newPath) {
    return new User(account, newName, newPath, id, created, tags, inlinePolicies, attachedPolicies, groups, permissionsBoundary);
  }
}
