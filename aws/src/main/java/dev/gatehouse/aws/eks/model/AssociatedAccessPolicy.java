package dev.gatehouse.aws.eks.model;

import java.time.Instant;
import java.util.List;

/**
 * An access policy associated with an access entry.
 *
 * @param policyArn e.g. {@code arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy}
 * @param scopeType "cluster" or "namespace"
 * @param namespaces for the namespace scope (entries may end in {@code *}); empty for the cluster scope
 */
public record AssociatedAccessPolicy(String policyArn, String scopeType, List<String> namespaces,
    Instant associatedAt, Instant modifiedAt) {
  public AssociatedAccessPolicy {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
  }
}
