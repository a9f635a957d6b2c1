package dev.gatehouse.aws.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An IAM group. Its members are the users whose {@link User#groups()} name it. */
public record Group(String account, String name, String path, String id, Instant created,
    Map<String, String> inlinePolicies, List<String> attachedPolicies) {
  public Group {
    inlinePolicies = Entities.orderedCopy(inlinePolicies);
    attachedPolicies = List.copyOf(attachedPolicies);
  }

  public String arn() {
    return "arn:aws:iam::" + account + ":group" + path + name;
  }

  public Group withInlinePolicies(Map<String, String> policies) {
    return new Group(account, name, path, id, created, policies, attachedPolicies);
  }

  public Group withAttachedPolicies(List<String> arns) {
    return new Group(account, name, path, id, created, inlinePolicies, arns);
  }

  public Group withNameAndPath(String newName, String newPath) {
    return new Group(account, newName, newPath, id, created, inlinePolicies, attachedPolicies);
  }
}
