package dev.gatehouse.aws.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.state.AwsKeys;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.aws.testing.AwsTestKit;
import dev.gatehouse.aws.testing.Botocore;
import dev.gatehouse.aws.testing.Nodes;
import dev.gatehouse.aws.testing.OidcTestIssuer;
import dev.gatehouse.aws.testing.QueryParams;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * AssumeRoleWithWebIdentity against a local HTTPS OIDC issuer: sts/web-identity-cases.yaml for the decisions, plus
 * tests of the key cache (refetch on an unknown kid, rate limit) and of HTTPS trust.
 */
class WebIdentityOperationTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(issuer|url|provider|now|now-\\d+|roleId:[\\w-]+)}");

  record Token(String kid, boolean noKid, String signer, String alg, Map<String, Object> claims) {}

  record ExpectedError(String code, String message) {}

  record Case(String name, Token token, String raw, Map<String, Object> params, Map<String, Object> expect,
      List<String> absent, ExpectedError error) {}

  record Cases(List<List<Object>> setup, List<Case> cases) {}

  static OidcTestIssuer issuer;
  static AwsTestKit kit;
  static Cases cases;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void start() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = WebIdentityOperationTest.class.getResourceAsStream("/sts/web-identity-cases.yaml")) {
      cases = yaml.readValue(in, Cases.class);
    }
    issuer = OidcTestIssuer.start();
    issuer.addKey("rogue", "RS256", false);
    kit = AwsTestKit.start();
    kit.register(List.of(operation(OidcKeys.create(List.of(issuer.caBundle()), kit.clock())).spec()));
    for (List<Object> step : cases.setup()) {
      Map<String, String> params = new LinkedHashMap<>();
      QueryParams.flatten((Map<String, Object>) step.get(1)).forEach((k, v) -> params.put(k, fill(v)));
      kit.call(kit.admin(), (String) step.get(0), params);
    }
  }

  @AfterAll
  static void stop() {
    kit.close();
    issuer.close();
  }

  static WebIdentityOperation operation(OidcKeys keys) {
    return new WebIdentityOperation(kit.state(), new StateRoleLookup(kit.state(), kit.policies()), kit.issuer(), keys);
  }

  @TestFactory
  Stream<DynamicTest> cases() {
    return cases.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  private static void run(Case c) {
    Map<String, String> params = new LinkedHashMap<>(QueryParams.flatten(c.params()));
    params.put("WebIdentityToken", c.raw() != null ? c.raw() : token(c.token()));
    if (c.error() != null) {
      AwsError e = kit.error(null, "AssumeRoleWithWebIdentity", params);
      assertThat(e.code()).isEqualTo(c.error().code());
      assertThat(e.message()).isEqualTo(fill(c.error().message()));
      return;
    }
    Map<String, Object> out = Nodes.struct(kit.callUnsigned("AssumeRoleWithWebIdentity", params));
    c.expect().forEach((path, want) -> {
      Object actual = Nodes.at(out, (Object[]) path.split("\\."));
      Object expected = want instanceof Integer i ? (Object) i.longValue() : fill(String.valueOf(want));
      assertThat(actual).as(path).isEqualTo(expected);
    });
    if (c.absent() != null) {
      assertThat(out).doesNotContainKeys(c.absent().toArray(new String[0]));
    }
    // The credentials work: they resolve to a session of the role that remembers its provider.
    Caller session = kit.sessionCaller(Nodes.at(out, "Credentials", "AccessKeyId"),
        Nodes.at(out, "Credentials", "SessionToken"));
    assertThat(session).isInstanceOf(Caller.RoleSessionCaller.class);
    assertThat(session.arn()).isEqualTo(Nodes.at(out, "AssumedRoleUser", "Arn"));
    assertThat(session.session().federatedProvider()).isEqualTo(fill("{provider}"));
  }

  /** A token minted from the case's description; see the YAML's header. */
  static String token(Token t) {
    Token spec = t == null ? new Token("rsa-1", false, null, null, Map.of()) : t;
    long now = kit.clock().instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer.url());
    claims.put("sub", "system:serviceaccount:default:app");
    claims.put("aud", List.of("sts.amazonaws.com"));
    claims.put("iat", now);
    claims.put("nbf", now);
    claims.put("exp", now + 3600);
    if (spec.claims() != null) {
      spec.claims().forEach((k, v) -> {
        if (v == null) {
          claims.remove(k);
        } else if (List.of("exp", "iat", "nbf").contains(k)) {
          claims.put(k, now + ((Number) v).longValue());
        } else {
          claims.put(k, v instanceof String s ? fill(s) : v);
        }
      });
    }
    String kid = spec.noKid() ? null : spec.kid() != null ? spec.kid() : "rsa-1";
    String signer = spec.signer() != null ? spec.signer() : kid;
    String jws = issuer.mint(claims, kid, signer);
    if ("HS256".equals(spec.alg())) {
      // Re-label the header: an HMAC "signature" made with the issuer's public key must never verify.
      String[] parts = jws.split("\\.");
      String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
          ("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return header + "." + parts[1] + "." + parts[2];
    }
    return jws;
  }

  static String fill(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      long now = kit.clock().instant().getEpochSecond();
      String value = switch (name) {
        case "issuer" -> issuer.url();
        case "url" -> issuer.url().substring("https://".length());
        case "provider" -> "arn:aws:iam::" + AwsTestKit.ACCOUNT + ":oidc-provider/" + issuer.url().substring(8);
        case "now" -> Long.toString(now);
        default -> name.startsWith("now-") ? Long.toString(now - Long.parseLong(name.substring(4)))
            : kit.state().get(AwsKeys.role(AwsTestKit.ACCOUNT, name.substring(7)), Role.class).orElseThrow()
                .value().id();
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Map<String, String> request(String role, String jwt) {
    return AwsTestKit.pairs("RoleArn", "arn:aws:iam::123456789012:role/" + role, "RoleSessionName", "s1",
        "WebIdentityToken", jwt);
  }

  @Test
  void aRotatedKeyIsFetchedOnceItsKidShowsUpAndMadeUpKidsAreRateLimited() {
    OidcKeys keys = new OidcKeys(HttpClient.newBuilder().sslContext(OidcTrust.sslContext(List.of(issuer.caBundle())))
        .build(), kit.clock(), Duration.ofSeconds(10));
    WebIdentityOperation op = operation(keys);
    int before = issuer.hits("/issuer/keys");
    String first = issuer.mint(claims(), "rsa-1", "rsa-1");
    assertThat(run(op, request("any-app", first))).isNull();
    assertThat(run(op, request("any-app", first))).isNull();
    assertThat(issuer.hits("/issuer/keys")).as("cached after the first fetch").isEqualTo(before + 1);

    issuer.addKey("rsa-rotated", "RS256", true);
    String rotated = issuer.mint(claims(), "rsa-rotated", "rsa-rotated");
    assertThat(run(op, request("any-app", rotated))).as("within the refetch interval").isEqualTo(WebIdentityOperation.KEY_UNAVAILABLE);
    assertThat(issuer.hits("/issuer/keys")).isEqualTo(before + 1);

    kit.clock().advance(Duration.ofSeconds(11));
    assertThat(run(op, request("any-app", issuer.mint(claims(), "rsa-rotated", "rsa-rotated")))).isNull();
    assertThat(issuer.hits("/issuer/keys")).isEqualTo(before + 2);

    assertThat(run(op, request("any-app", issuer.mint(claims(), "made-up", "rsa-1"))))
        .isEqualTo(WebIdentityOperation.KEY_UNAVAILABLE);
    assertThat(issuer.hits("/issuer/keys")).as("no refetch right after the last one").isEqualTo(before + 2);
  }

  @Test
  void anIssuerWhoseCertificateIsNotTrustedGivesNoKeys() {
    OidcKeys defaultTrustOnly = OidcKeys.create(List.of(), kit.clock());
    String jwt = issuer.mint(claims(), "rsa-1", "rsa-1");
    assertThat(run(operation(defaultTrustOnly), request("any-app", jwt))).isEqualTo(WebIdentityOperation.KEY_UNAVAILABLE);
  }

  private Map<String, Object> claims() {
    long now = kit.clock().instant().getEpochSecond();
    return Map.of("iss", issuer.url(), "sub", "system:serviceaccount:default:app", "aud", "sts.amazonaws.com",
        "iat", now, "exp", now + 600);
  }

  /** Runs the operation directly (not through the kit's registry); null when it succeeds, else the message. */
  private static String run(WebIdentityOperation op, Map<String, String> params) {
    try {
      return kit.run(op.spec(), null, params) == null ? "no result" : null;
    } catch (dev.gatehouse.aws.api.AwsException e) {
      return e.error().message();
    }
  }

  @Test
  void botocoreReadsTheResponse() {
    assumeTrue(Botocore.available(), "python3 with botocore is not installed");
    JsonNode parsed = Botocore.parse("sts", "AssumeRoleWithWebIdentity", kit.callUnsigned("AssumeRoleWithWebIdentity",
        request("eks-app", issuer.mint(claims(), "rsa-1", "rsa-1"))));
    assertThat(parsed.at("/Credentials/AccessKeyId").asText()).startsWith("ASIA");
    assertThat(parsed.at("/Credentials/Expiration").asText()).isNotEmpty();
    assertThat(parsed.get("SubjectFromWebIdentityToken").asText()).isEqualTo("system:serviceaccount:default:app");
    assertThat(parsed.at("/AssumedRoleUser/Arn").asText()).isEqualTo("arn:aws:sts::123456789012:assumed-role/eks-app/s1");
    assertThat(parsed.get("Provider").asText()).isEqualTo(fill("{provider}"));
    assertThat(parsed.get("Audience").asText()).isEqualTo("sts.amazonaws.com");
  }
}
