package dev.gatehouse.kube.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TokenRequest, bearer authentication with the issued tokens, revocation by deletion, issuer discovery. */
class ServiceAccountTokenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(dir, SqliteStore.Options.defaults()).awaitDefaultServiceAccount();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return server.send(server.admin, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static String token(String serviceAccount, String spec) throws Exception {
    HttpResponse<String> r = post("/api/v1/namespaces/default/serviceaccounts/" + serviceAccount + "/token",
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\",\"spec\":" + spec + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).path("status").path("token").asText();
  }

  private static HttpResponse<String> whoAmI(String token) throws Exception {
    return server.send(server.anonymous, "POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews",
        "application/json", null, Map.of("Authorization", List.of("Bearer " + token)),
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anIssuedTokenAuthenticatesAsTheServiceAccount() throws Exception {
    String token = token("default", "{\"audiences\":[\"" + server.url + "\"]}");
    HttpResponse<String> r = whoAmI(token);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).contains("\"username\":\"system:serviceaccount:default:default\"")
        .contains("\"groups\":[\"system:serviceaccounts\",\"system:serviceaccounts:default\",\"system:authenticated\"]");
  }

  @Test
  void aTokenReviewReportsTheServiceAccountAndItsGroups() throws Exception {
    String token = token("default", "{}");
    HttpResponse<String> r = post("/apis/authentication.k8s.io/v1/tokenreviews",
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenReview\",\"spec\":{\"token\":\"" + token + "\"}}");
    JsonNode status = JSON.readTree(r.body()).path("status");
    assertThat(status.path("authenticated").asBoolean()).isTrue();
    assertThat(status.path("user").path("username").asText()).isEqualTo("system:serviceaccount:default:default");
    assertThat(status.path("user").path("groups").toString())
        .isEqualTo("[\"system:serviceaccounts\",\"system:serviceaccounts:default\",\"system:authenticated\"]");
  }

  @Test
  void deletingTheBoundPodRevokesTheToken() throws Exception {
    HttpResponse<String> pod = post("/api/v1/namespaces/default/pods", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
        + "\"metadata\":{\"name\":\"bound\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}");
    String uid = JSON.readTree(pod.body()).path("metadata").path("uid").asText();
    String token = token("default", "{\"boundObjectRef\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"name\":\"bound\","
        + "\"uid\":\"" + uid + "\"}}");
    assertThat(whoAmI(token).statusCode()).isEqualTo(201);
    server.send(server.admin, "DELETE", "/api/v1/namespaces/default/pods/bound", null, null);
    HttpResponse<String> after = whoAmI(token);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
  }

  @Test
  void deletingTheServiceAccountRevokesItsTokens() throws Exception {
    post("/api/v1/namespaces/default/serviceaccounts", "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\","
        + "\"metadata\":{\"name\":\"shortlived\"}}");
    String token = token("shortlived", "{}");
    assertThat(whoAmI(token).statusCode()).isEqualTo(201);
    server.send(server.admin, "DELETE", "/api/v1/namespaces/default/serviceaccounts/shortlived", null, null);
    assertThat(whoAmI(token).statusCode()).isEqualTo(401);
  }

  @Test
  void legacyTokenSecretsAreFilledAndRevokedWithTheSecret() throws Exception {
    HttpResponse<String> created = post("/api/v1/namespaces/default/secrets", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
        + "\"metadata\":{\"name\":\"legacy\",\"annotations\":{\"kubernetes.io/service-account.name\":\"default\"}},"
        + "\"type\":\"kubernetes.io/service-account-token\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String token = "";
    for (int i = 0; i < 100 && token.isEmpty(); i++) {
      JsonNode secret = JSON.readTree(server.send(server.admin, "GET", "/api/v1/namespaces/default/secrets/legacy",
          null, null).body());
      token = secret.path("data").path("token").asText("");
      Thread.sleep(50);
    }
    assertThat(token).isNotEmpty();
    String jwt = new String(java.util.Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
    assertThat(whoAmI(jwt).body()).contains("\"username\":\"system:serviceaccount:default:default\"");
    server.send(server.admin, "DELETE", "/api/v1/namespaces/default/secrets/legacy", null, null);
    assertThat(whoAmI(jwt).statusCode()).isEqualTo(401);
  }

  @Test
  void tooShortAnExpiryIsInvalid() throws Exception {
    HttpResponse<String> r = post("/api/v1/namespaces/default/serviceaccounts/default/token",
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\",\"spec\":{\"expirationSeconds\":599}}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("\"message\":\"TokenRequest.authentication.k8s.io \\\"\\\" is invalid: "
        + "spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes\"");
  }

  @Test
  void issuerDiscoveryIsPublicAndPublishesTheKeys() throws Exception {
    HttpResponse<String> config = server.send(server.anonymous, "GET", "/.well-known/openid-configuration", null, null);
    assertThat(config.statusCode()).isEqualTo(200);
    JsonNode doc = JSON.readTree(config.body());
    assertThat(doc.path("issuer").asText()).isEqualTo(server.url);
    assertThat(doc.path("jwks_uri").asText()).isEqualTo(server.url + "/openid/v1/jwks");
    HttpResponse<String> jwks = server.send(server.anonymous, "GET", "/openid/v1/jwks", null, null);
    assertThat(JSON.readTree(jwks.body()).path("keys").get(0).path("alg").asText()).isEqualTo("RS256");
    HttpResponse<String> devConfig = server.send(server.anonymous, "GET",
        "/clusters/dev/.well-known/openid-configuration", null, null);
    assertThat(JSON.readTree(devConfig.body()).path("issuer").asText()).isEqualTo(server.url + "/clusters/dev");
  }

  @Test
  void staticTokensFromTheTokenFileAuthenticate() throws Exception {
    HttpResponse<String> r = server.send(server.anonymous, "GET", "/api/v1/nodes", null, null,
        Map.of("Authorization", List.of("Bearer static-token-developer")), null);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("User \\\"developer\\\" cannot list resource \\\"nodes\\\"");
  }
}
