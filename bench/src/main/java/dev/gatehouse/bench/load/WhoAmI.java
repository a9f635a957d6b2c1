package dev.gatehouse.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;

/**
 * Asks the server who this client is (a SelfSubjectReview, what {@code kubectl auth whoami} sends), so a run
 * shows that the credential it measures is the one that authenticated: with an EKS token the answer carries the
 * IAM ARN in {@code extra.arn}, with the client certificate it does not.
 */
final class WhoAmI {
  private static final String PATH = "/apis/authentication.k8s.io/v1/selfsubjectreviews";
  private static final byte[] REVIEW = "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}"
      .getBytes(StandardCharsets.UTF_8);

  private WhoAmI() {}

  /** One line: user name, groups and (when present) the IAM ARN. Fails unless the review is answered 201. */
  static String describe(ApiClient client) {
    ApiClient.Response response = client.expect(HttpMethod.POST, PATH, REVIEW, 201);
    JsonNode user = Manifests.tree(response.body().getBytes()).path("status").path("userInfo");
    StringBuilder line = new StringBuilder(user.path("username").asText("?")).append(' ')
        .append(user.path("groups"));
    JsonNode arn = user.path("extra").path("arn");
    if (arn.isArray() && !arn.isEmpty()) {
      line.append(" arn=").append(arn.get(0).asText());
    }
    return line.toString();
  }
}
