package dev.gatehouse.eks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.eks.mapping.AwsAuthConfig;
import dev.gatehouse.eks.mapping.Fixtures;
import dev.gatehouse.eks.mapping.IdentityMapper;
import dev.gatehouse.eks.mapping.ParseResult;
import dev.gatehouse.eks.token.TokenVerification;
import dev.gatehouse.eks.token.TokenVerifier;
import dev.gatehouse.kube.authn.AuthenticationResult;
import dev.gatehouse.kube.authn.UserInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EksTokenAuthenticatorTest {
  private static final String RESOURCE = "/mapping/authenticator.yaml";
  private static final String CLUSTER = "c1";
  private static final String TOKEN = "k8s-aws-v1.test-token";

  static Stream<Arguments> cases() {
    return Fixtures.cases(RESOURCE, "verification", "notApplicable", "rejected", "user");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authenticatesAsAwsIamAuthenticator(String name, JsonNode c) {
    TokenVerification verification = verification(c.get("verification"));
    TokenVerifier verifier = (token, cluster) -> {
      assertThat(token).isEqualTo(TOKEN);
      assertThat(cluster).isEqualTo(CLUSTER);
      return verification;
    };
    ParseResult parsed = AwsAuthConfig.parse(Fixtures.stringMap(Fixtures.load(RESOURCE).get("awsAuth")));
    AwsAuthConfig awsAuth = ((ParseResult.Parsed) parsed).config();
    IdentityMapper mapper = new IdentityMapper(Fixtures.directory(CLUSTER, null, null), cluster -> awsAuth);

    AuthenticationResult result = new EksTokenAuthenticator(verifier, mapper).authenticateToken(CLUSTER, TOKEN);

    if (c.path("notApplicable").asBoolean(false)) {
      assertThat(result).isInstanceOf(AuthenticationResult.NotApplicable.class);
    } else if (c.has("rejected")) {
      assertThat(result).isEqualTo(new AuthenticationResult.Rejected(c.get("rejected").asText()));
    } else {
      assertThat(result).isEqualTo(new AuthenticationResult.Authenticated(user(c.get("user"))));
    }
  }

  private static TokenVerification verification(JsonNode v) {
    Fixtures.requireOnly(v, Set.of("notApplicable", "rejected", "identity"));
    if (v.has("rejected")) {
      return new TokenVerification.Rejected(v.get("rejected").asText());
    }
    if (v.has("identity")) {
      return new TokenVerification.Verified(Fixtures.identity(v.get("identity")));
    }
    return new TokenVerification.NotApplicable();
  }

  private static UserInfo user(JsonNode u) {
    Fixtures.requireOnly(u, Set.of("name", "uid", "groups", "extra"));
    Map<String, List<String>> extra = new LinkedHashMap<>();
    u.get("extra").properties().forEach(e -> extra.put(e.getKey(), Fixtures.strings(e.getValue())));
    return new UserInfo(u.get("name").asText(), u.get("uid").asText(), Fixtures.strings(u.get("groups")), extra);
  }
}
