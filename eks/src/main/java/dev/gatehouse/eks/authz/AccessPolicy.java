package dev.gatehouse.eks.authz;

import dev.gatehouse.kube.rbac.Attributes;
import dev.gatehouse.kube.rbac.PolicyRule;
import java.util.List;

/** One EKS access policy: a fixed list of allow rules, evaluated with RBAC's rule matching. */
public record AccessPolicy(String name, List<PolicyRule> rules) {
  public AccessPolicy {
    rules = List.copyOf(rules);
  }

  /** The policy's ARN in a partition: {@code arn:aws:eks::aws:cluster-access-policy/NAME}. */
  public String arn(String partition) {
    return "arn:" + partition + ":eks::aws:cluster-access-policy/" + name;
  }

  public boolean allows(Attributes request) {
    for (int i = 0, n = rules.size(); i < n; i++) {
      if (rules.get(i).allows(request)) {
        return true;
      }
    }
    return false;
  }
}
