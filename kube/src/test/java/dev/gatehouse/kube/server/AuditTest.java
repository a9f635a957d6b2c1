package dev.gatehouse.kube.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.kube.audit.AuditPolicy;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit events for allowed, denied and unauthenticated requests, with secrets and tokens kept out of the log. */
class AuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(dir, SqliteStore.Options.defaults(), AuditPolicy.parse("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        rules:
        - level: RequestResponse
          resources: [{group: "", resources: [secrets]}]
        - level: Metadata
        """));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<JsonNode> eventsFor(String auditId) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (var event : server.events) {
      JsonNode json = JSON.readTree(event.toJson());
      if (json.path("auditID").asText().equals(auditId)) {
        out.add(json);
      }
    }
    return out;
  }

  @Test
  void anAllowedRequestRecordsTheDecisionAndStages() throws Exception {
    var response = server.send(server.admin, "GET", "/api/v1/namespaces/default", null, null,
        Map.of("Audit-ID", List.of("allowed-1")), null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("audit-id")).contains("allowed-1");
    List<JsonNode> events = eventsFor("allowed-1");
    assertThat(events).extracting(e -> e.path("stage").asText()).containsExactly("RequestReceived", "ResponseComplete");
    JsonNode complete = events.get(1);
    assertThat(complete.path("level").asText()).isEqualTo("Metadata");
    assertThat(complete.path("user").path("username").asText()).isEqualTo("gatehouse-admin");
    assertThat(complete.path("objectRef").path("resource").asText()).isEqualTo("namespaces");
    assertThat(complete.path("responseStatus").path("code").asInt()).isEqualTo(200);
    assertThat(complete.path("annotations").path("authorization.k8s.io/decision").asText()).isEqualTo("allow");
  }

  @Test
  void aDeniedRequestRecordsForbid() throws Exception {
    server.send(server.developer, "GET", "/api/v1/nodes", null, null, Map.of("Audit-ID", List.of("denied-1")), null);
    JsonNode complete = eventsFor("denied-1").get(1);
    assertThat(complete.path("annotations").path("authorization.k8s.io/decision").asText()).isEqualTo("forbid");
    assertThat(complete.path("responseStatus").path("code").asInt()).isEqualTo(403);
  }

  @Test
  void anUnauthenticatedRequestIsRecordedWithoutAUser() throws Exception {
    server.send(server.anonymous, "GET", "/api/v1/nodes", null, null,
        Map.of("Audit-ID", List.of("unauth-1"), "Authorization", List.of("Bearer secret-token-value")), null);
    List<JsonNode> events = eventsFor("unauth-1");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("stage").asText()).isEqualTo("ResponseStarted");
    assertThat(events.get(0).path("user").isEmpty()).isTrue();
    assertThat(events.get(0).path("responseStatus").path("code").asInt()).isEqualTo(401);
    assertThat(events.get(0).toString()).doesNotContain("secret-token-value");
    assertThat(events.get(0).path("annotations").path("authentication.gatehouse.dev/failure").asText())
        .isEqualTo("invalid bearer token");
  }

  @Test
  void secretDataNeverReachesTheLog() throws Exception {
    var response = server.send(server.admin, "POST", "/api/v1/namespaces/default/secrets", "application/json", null,
        Map.of("Audit-ID", List.of("secret-1")), ("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":"
            + "{\"name\":\"s1\"},\"stringData\":{\"password\":\"hunter2\"}}").getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode complete = eventsFor("secret-1").get(1);
    assertThat(complete.path("level").asText()).isEqualTo("RequestResponse");
    assertThat(complete.toString()).doesNotContain("hunter2").doesNotContain("aHVudGVyMg");
  }
}
