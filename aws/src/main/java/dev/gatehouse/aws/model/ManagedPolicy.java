package dev.gatehouse.aws.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A managed policy: customer managed (account = 12 digits) or AWS managed (account = "aws", never stored).
 *
 * @param versions newest last; at most five
 * @param nextVersion the number the next CreatePolicyVersion gets (v1, v2, ...; numbers are never reused)
 */
public record ManagedPolicy(String account, String name, String path, String id, Instant created, Instant updated,
    String description, String defaultVersionId, List<PolicyVersion> versions, int nextVersion, List<Tag> tags) {
  public ManagedPolicy {
    versions = List.copyOf(versions);
    tags = List.copyOf(tags);
  }

  public String arn() {
    return "arn:aws:iam::" + account + ":policy" + path + name;
  }

  public boolean awsManaged() {
    return account.equals("aws");
  }

  public PolicyVersion defaultVersion() {
    return version(defaultVersionId).orElseThrow();
  }

  public Optional<PolicyVersion> version(String versionId) {
    return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
  }

  public ManagedPolicy withVersions(List<PolicyVersion> newVersions, String newDefault, int newNext, Instant now) {
    return new ManagedPolicy(account, name, path, id, created, now, description, newDefault, newVersions, newNext, tags);
  }

  public ManagedPolicy withTags(List<Tag> newTags) {
    return new ManagedPolicy(account, name, path, id, created, updated, description, defaultVersionId, versions,
        nextVersion, newTags);
  }
}
