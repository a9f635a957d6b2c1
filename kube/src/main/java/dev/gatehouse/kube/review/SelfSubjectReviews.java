package dev.gatehouse.kube.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.authn.UserInfo;
import java.util.List;
import java.util.Map;

/** SelfSubjectReview (authentication.k8s.io/v1): echoes who the caller is, after impersonation. */
public final class SelfSubjectReviews {
  private SelfSubjectReviews() {}

  public static ObjectNode review(UserInfo caller) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode review = f.objectNode();
    review.put("kind", "SelfSubjectReview");
    review.put("apiVersion", "authentication.k8s.io/v1");
    review.putObject("metadata").putNull("creationTimestamp");
    review.set("status", f.objectNode().set("userInfo", userInfo(caller)));
    return review;
  }

  /** The {@code UserInfo} shape shared by SelfSubjectReview and TokenReview. */
  public static ObjectNode userInfo(UserInfo user) {
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.put("username", user.name());
    if (user.uid() != null && !user.uid().isEmpty()) {
      info.put("uid", user.uid());
    }
    ArrayNode groups = info.putArray("groups");
    user.groups().forEach(groups::add);
    if (!user.extra().isEmpty()) {
      ObjectNode extra = info.putObject("extra");
      for (Map.Entry<String, List<String>> e : user.extra().entrySet()) {
        ArrayNode values = extra.putArray(e.getKey());
        e.getValue().forEach(values::add);
      }
    }
    return info;
  }
}
