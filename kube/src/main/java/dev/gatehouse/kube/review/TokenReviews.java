package dev.gatehouse.kube.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.authn.AuthenticationResult;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.authn.TokenUnion;
import dev.gatehouse.kube.authn.UserInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * TokenReview (authentication.k8s.io/v1): runs the same token authenticators as the API's bearer-token stage
 * and reports the user, so a real kube-apiserver can use Gatehouse as its webhook token authenticator.
 */
public final class TokenReviews {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TokenReviews.class);
  private final TokenUnion tokens;

  public TokenReviews(List<TokenAuthenticator> tokens) {
    this.tokens = new TokenUnion(tokens);
  }

  public ObjectNode review(String cluster, ObjectNode review) {
    String token = review.path("spec").path("token").asText("");
    if (token.isEmpty()) {
      throw Errors.badRequest("token is required for TokenReview in authentication");
    }
    AuthenticationResult result = tokens.authenticateToken(cluster, token);
    ObjectNode answer = review.deepCopy();
    answer.withObject("/metadata").putNull("creationTimestamp");
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    if (result instanceof AuthenticationResult.Authenticated a) {
      status.put("authenticated", true);
      status.set("user", SelfSubjectReviews.userInfo(withAuthenticatedGroup(a.user())));
      ArrayNode audiences = status.putArray("audiences");
      review.path("spec").path("audiences").forEach(audiences::add);
      if (audiences.isEmpty()) {
        status.remove("audiences");
      }
    } else {
      status.putObject("user");
      if (result instanceof AuthenticationResult.Rejected r) {
        // the reason stays in the server log; reviewers get the generic answer
        LOG.info("TokenReview in cluster \"{}\": token rejected: {}", cluster, r.reason());
        status.put("error", "invalid bearer token");
      }
    }
    answer.set("status", status);
    return answer;
  }

  private static UserInfo withAuthenticatedGroup(UserInfo user) {
    if (user.inGroup(UserInfo.AUTHENTICATED)) {
      return user;
    }
    List<String> groups = new ArrayList<>(user.groups());
    groups.add(UserInfo.AUTHENTICATED);
    return new UserInfo(user.name(), user.uid(), List.copyOf(groups), user.extra());
  }
}
