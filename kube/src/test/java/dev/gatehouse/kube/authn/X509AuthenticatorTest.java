package dev.gatehouse.kube.authn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.kube.authn.x509.X509Authenticator;
import dev.gatehouse.kube.pki.CertificateAuthority;
import dev.gatehouse.kube.server.ApiRequest;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Table-driven x509 authentication: CN is the user, each O a group, validity checked against the clock. */
class X509AuthenticatorTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final CertificateAuthority CA = CertificateAuthority.create("test", NOW.minus(Duration.ofDays(1)),
      Duration.ofDays(10));

  @TestFactory
  Stream<DynamicTest> cases() throws Exception {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("x509-cases.yaml")) {
      cases = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> run(c)));
    }
    return tests.stream();
  }

  private static void run(JsonNode c) {
    List<X509Certificate> chain = List.of();
    if (!c.path("none").asBoolean()) {
      List<String> orgs = new ArrayList<>();
      c.path("orgs").forEach(o -> orgs.add(o.asText()));
      Instant issued = NOW.plus(Duration.ofHours(c.path("startsInHours").asLong(0)))
          .minus(Duration.ofHours(c.path("expiredHoursAgo").asLong(0) > 0 ? 100 : 0));
      Duration validity = c.path("expiredHoursAgo").asLong(0) > 0
          ? Duration.ofHours(100 - c.path("expiredHoursAgo").asLong() - 1) : Duration.ofDays(1);
      // issue() backdates notBefore by an hour; shift so "startsInHours" really lies in the future
      if (c.path("startsInHours").asLong(0) > 0) {
        issued = issued.plus(Duration.ofHours(1));
      }
      chain = List.of(CA.issueClient(c.path("cn").asText(), orgs, issued, validity).certificate());
    }
    ApiRequest request = new ApiRequest("GET", "", "", "/api", Map.of(), Map.of(), new byte[0], chain, "/api",
        "127.0.0.1", NOW);
    AuthenticationResult result = new X509Authenticator(Clock.fixed(NOW, ZoneOffset.UTC)).authenticate(request);
    switch (c.path("result").asText()) {
      case "authenticated" -> {
        assertThat(result).isInstanceOf(AuthenticationResult.Authenticated.class);
        UserInfo user = ((AuthenticationResult.Authenticated) result).user();
        assertThat(user.name()).isEqualTo(c.path("user").asText());
        List<String> groups = new ArrayList<>();
        c.path("groups").forEach(g -> groups.add(g.asText()));
        assertThat(user.groups()).containsExactlyElementsOf(groups);
        assertThat(user.extra().get("authentication.kubernetes.io/credential-id")).singleElement()
            .asString().matches("X509SHA256=[0-9a-f]{64}");
      }
      case "rejected" -> assertThat(result).isInstanceOf(AuthenticationResult.Rejected.class);
      default -> assertThat(result).isInstanceOf(AuthenticationResult.NotApplicable.class);
    }
  }
}
