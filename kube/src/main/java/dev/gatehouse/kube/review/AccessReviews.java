package dev.gatehouse.kube.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Authorizer;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.request.RequestInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SubjectAccessReview, LocalSubjectAccessReview and SelfSubjectAccessReview: the spec becomes request
 * attributes, the authorizer chain answers, and the review comes back with {@code status.allowed},
 * {@code denied} and {@code reason} (authorization.k8s.io/v1; nothing is stored).
 */
public final class AccessReviews {
  private final Authorizer authorizer;

  public AccessReviews(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /** A SubjectAccessReview or LocalSubjectAccessReview about the user named in the spec. */
  public ObjectNode subjectAccessReview(ObjectNode review, String cluster, String kind, String urlNamespace) {
    JsonNode spec = review.path("spec");
    List<Cause> causes = validateAttributes(spec);
    if (spec.path("user").asText("").isEmpty() && spec.path("groups").isEmpty()) {
      causes.add(new Cause("FieldValueInvalid", "Invalid value: \"\": at least one of user or group must be specified",
          "spec.user"));
    }
    if (!causes.isEmpty()) {
      throw Errors.invalid("authorization.k8s.io", kind, review.path("metadata").path("name").asText(""), causes);
    }
    if (urlNamespace != null) {
      String specNamespace = spec.path("resourceAttributes").path("namespace").asText("");
      if (!spec.path("resourceAttributes").isMissingNode() && !specNamespace.equals(urlNamespace)) {
        throw Errors.badRequest("spec.resourceAttributes.namespace must match namespace: " + urlNamespace);
      }
    }
    UserInfo subject = new UserInfo(spec.path("user").asText(""), spec.path("uid").asText(""), strings(spec.path("groups")),
        extra(spec.path("extra")));
    return answer(review, cluster, subject, spec);
  }

  /** A SelfSubjectAccessReview about the caller (after impersonation). */
  public ObjectNode selfSubjectAccessReview(ObjectNode review, String cluster, UserInfo caller) {
    JsonNode spec = review.path("spec");
    List<Cause> causes = validateAttributes(spec);
    if (!causes.isEmpty()) {
      throw Errors.invalid("authorization.k8s.io", "SelfSubjectAccessReview",
          review.path("metadata").path("name").asText(""), causes);
    }
    return answer(review, cluster, caller, spec);
  }

  private ObjectNode answer(ObjectNode review, String cluster, UserInfo subject, JsonNode spec) {
    Decision decision = authorizer.authorize(subject, attributes(cluster, spec));
    ObjectNode result = review.deepCopy();
    result.withObject("/metadata").putNull("creationTimestamp");
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("allowed", decision.kind() == Decision.Kind.ALLOW);
    if (decision.kind() == Decision.Kind.DENY && !decision.reason().isEmpty()) {
      status.put("denied", true);
    }
    if (decision.reason() != null && !decision.reason().isEmpty()) {
      status.put("reason", decision.reason());
    }
    result.set("status", status);
    return result;
  }

  /** The request the spec describes, as the authorizer sees requests. */
  static RequestInfo attributes(String cluster, JsonNode spec) {
    JsonNode r = spec.path("resourceAttributes");
    if (r.isObject()) {
      return new RequestInfo(cluster, true, "", r.path("verb").asText(""), "", r.path("group").asText(""),
          r.path("version").asText(""), r.path("namespace").asText(""), r.path("resource").asText(""),
          r.path("subresource").asText(""), r.path("name").asText(""));
    }
    JsonNode n = spec.path("nonResourceAttributes");
    return RequestInfo.nonResource(cluster, n.path("path").asText(""), n.path("verb").asText(""));
  }

  private static List<Cause> validateAttributes(JsonNode spec) {
    List<Cause> causes = new ArrayList<>();
    boolean resource = spec.path("resourceAttributes").isObject();
    boolean nonResource = spec.path("nonResourceAttributes").isObject();
    if (resource && nonResource) {
      causes.add(new Cause("FieldValueInvalid",
          "Invalid value: \"null\": cannot be specified in combination with resourceAttributes",
          "spec.nonResourceAttributes"));
    }
    if (!resource && !nonResource) {
      causes.add(new Cause("FieldValueInvalid",
          "Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified",
          "spec.resourceAttributes"));
    }
    return causes;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  static Map<String, List<String>> extra(JsonNode extra) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    extra.fields().forEachRemaining(e -> out.put(e.getKey(), strings(e.getValue())));
    return out;
  }
}
