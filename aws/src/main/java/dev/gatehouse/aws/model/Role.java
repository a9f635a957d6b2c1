package dev.gatehouse.aws.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role.
 *
 * @param trustPolicy the AssumeRolePolicyDocument as given
 * @param maxSessionDuration seconds, 3600..43200
 * @param lastUsed when a session of the role last made a request (null: never)
 */
public record Role(String account, String name, String path, String id, Instant created, String trustPolicy,
    String description, int maxSessionDuration, List<Tag> tags, Map<String, String> inlinePolicies,
    List<String> attachedPolicies, String permissionsBoundary, Instant lastUsed, String lastUsedRegion) {
  public Role {
    tags = List.copyOf(tags);
    inlinePolicies = Entities.orderedCopy(inlinePolicies);
    attachedPolicies = List.copyOf(attachedPolicies);
  }

  public String arn() {
    return "arn:aws:iam::" + account + ":role" + path + name;
  }

  public Role withTrustPolicy(String document) {
    return new Role(account, name, path, id, created, document, description, maxSessionDuration, tags,
        inlinePolicies, attachedPolicies, permissionsBoundary, lastUsed, lastUsedRegion);
  }

  public Role withDescriptionAndMaxSession(String newDescription, int newMax) {
    return new Role(account, name, path, id, created, trustPolicy, newDescription, newMax, tags,
        inlinePolicies, attachedPolicies, permissionsBoundary, lastUsed, lastUsedRegion);
  }

  public Role withTags(List<Tag> newTags) {
    return new Role(account, name, path, id, created, trustPolicy, description, maxSessionDuration, newTags,
        inlinePolicies, attachedPolicies, permissionsBoundary, lastUsed, lastUsedRegion);
  }

  public Role withInlinePolicies(Map<String, String> policies) {
    return new Role(account, name, path, id, created, trustPolicy, description, maxSessionDuration, tags,
        policies, attachedPolicies, permissionsBoundary, lastUsed, lastUsedRegion);
  }

  public Role withAttachedPolicies(List<String> arns) {
    return new Role(account, name, path, id, created, trustPolicy, description, maxSessionDuration, tags,
        inlinePolicies, arns, permissionsBoundary, lastUsed, lastUsedRegion);
  }

  public Role withPermissionsBoundary(String arn) {
    return new Role(account, name, path, id, created, trustPolicy, description, maxSessionDuration, tags,
        inlinePolicies, attachedPolicies, arn, lastUsed, lastUsedRegion);
  }
}
