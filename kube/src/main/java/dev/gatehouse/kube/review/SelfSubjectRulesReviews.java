package dev.gatehouse.kube.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.rbac.RbacPolicy;

/** SelfSubjectRulesReview: the caller's RBAC rules in a namespace ({@code kubectl auth can-i --list}). */
public final class SelfSubjectRulesReviews {
  private SelfSubjectRulesReviews() {}

  public static ObjectNode review(RbacPolicy policy, UserInfo caller, ObjectNode review) {
    String namespace = review.path("spec").path("namespace").asText("");
    if (namespace.isEmpty()) {
      throw Errors.badRequest("no namespace on request");
    }
    ObjectNode answer = review.deepCopy();
    answer.withObject("/metadata").putNull("creationTimestamp");
    answer.set("status", policy.subjectRules(caller.name(), caller.groups(), namespace).toJson());
    return answer;
  }
}
