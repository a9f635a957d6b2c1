package dev.gatehouse.kube.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table-driven HTTP cases ({@code http-cases.yaml}): a request against the in-process server and the exact status,
 * body and headers kube-apiserver answers with. Cases run in file order against one server, so a case may rely on
 * what earlier ones created.
 */
class HttpCasesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
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

  @TestFactory
  Stream<DynamicTest> cases() throws Exception {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("http-cases.yaml")) {
      cases = YAML.readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      tests.add(DynamicTest.dynamicTest(c.path("name").asText(), () -> run(c)));
    }
    return tests.stream();
  }

  private static java.util.Map<String, List<String>> headers(JsonNode request) {
    java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
    request.path("headers").fields().forEachRemaining(e -> {
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(e.getValue().asText());
      }
      headers.put(e.getKey(), values);
    });
    return headers;
  }

  private static void run(JsonNode c) throws Exception {
    JsonNode request = c.path("request");
    byte[] body = null;
    if (request.has("body")) {
      body = request.path("body").asText().getBytes(StandardCharsets.UTF_8);
    } else if (request.has("bodyBase64")) {
      body = Base64.getDecoder().decode(request.path("bodyBase64").asText());
    } else if (request.has("bodyBytes")) {
      body = new byte[request.path("bodyBytes").asInt()];
      java.util.Arrays.fill(body, (byte) ' ');
    }
    var client = switch (request.path("as").asText("admin")) {
      case "anonymous" -> server.anonymous;
      case "developer" -> server.developer;
      default -> server.admin;
    };
    HttpResponse<String> response = server.send(client, request.path("method").asText("GET"), request.path("path").asText(),
        request.path("contentType").asText(null), request.path("accept").asText(null), headers(request), body);
    String where = c.path("name").asText() + "\nbody: " + response.body();
    assertThat(response.statusCode()).as(where).isEqualTo(c.path("status").asInt());
    if (c.has("body")) {
      assertThat(response.body()).as(where).isEqualTo(c.path("body").asText());
    }
    for (JsonNode contains : c.path("bodyContains")) {
      assertThat(response.body()).as(where).contains(contains.asText());
    }
    c.path("headers").fields().forEachRemaining(h ->
        assertThat(response.headers().allValues(h.getKey())).as(where + "\nheader " + h.getKey())
            .contains(h.getValue().asText()));
  }
}
