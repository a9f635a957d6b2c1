package dev.gatehouse.aws.eks.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EKS access entry: one IAM principal's access to one cluster, with the access policies associated to it.
 *
 * @param principalArn as given at creation (a role ARN may carry its path)
 * @param principalId the principal's unique id when the entry was created (AIDA…/AROA…); tokens match on it,
 *     so a deleted and re-created principal of the same name is not let in, as EKS documents
 * @param type STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, HYBRID_LINUX, EC2 or HYPERPOD_LINUX
 * @param username as given, or the type's default (may contain {@code {{SessionName}}} and similar templates)
 */
public record AccessEntry(String clusterName, String account, String principalArn, String principalId, String type,
    String username, List<String> kubernetesGroups, String accessEntryArn, Instant createdAt, Instant modifiedAt,
    Map<String, String> tags, List<AssociatedAccessPolicy> accessPolicies) {
  public AccessEntry {
    kubernetesGroups = kubernetesGroups == null ? List.of() : List.copyOf(kubernetesGroups);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    accessPolicies = accessPolicies == null ? List.of() : List.copyOf(accessPolicies);
  }

  /** The entry after UpdateAccessEntry. */
  public AccessEntry withIdentity(String newUsername, List<String> newGroups, Instant now) {
    return new AccessEntry(clusterName, account, principalArn, principalId, type, newUsername, newGroups,
        accessEntryArn, createdAt, now, tags, accessPolicies);
  }

  /** The entry with its associated access policies replaced (Associate/DisassociateAccessPolicy). */
  public AccessEntry withAccessPolicies(List<AssociatedAccessPolicy> policies) {
    return new AccessEntry(clusterName, account, principalArn, principalId, type, username, kubernetesGroups,
        accessEntryArn, createdAt, modifiedAt, tags, policies);
  }
}
