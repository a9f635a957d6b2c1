package dev.gatehouse.kube.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watch streams over HTTPS: initial state, live events, selectors, timeouts, bookmarks and 410 Expired. */
class WatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(dir, SqliteStore.Options.defaults().withProgressInterval(Duration.ofMillis(200)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String create(String namespace, String name, String labels) throws Exception {
    HttpResponse<String> r = server.send(server.admin, "POST", "/api/v1/namespaces/" + namespace + "/configmaps",
        "application/json", ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
            + "\",\"labels\":" + labels + "}}").getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).path("metadata").path("resourceVersion").asText();
  }

  /** Opens a watch and feeds its lines into a queue. */
  private static BlockingQueue<JsonNode> watch(String query) throws Exception {
    BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url + "/api/v1/namespaces/default/configmaps?"
        + query)).build();
    HttpResponse<Stream<String>> response = server.admin.send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> {
      Iterator<String> lines = response.body().iterator();
      try {
        while (lines.hasNext()) {
          events.add(JSON.readTree(lines.next()));
        }
        events.add(JSON.createObjectNode().put("type", "CLOSED"));
      } catch (Exception e) {
        events.add(JSON.createObjectNode().put("type", "CLOSED"));
      }
    });
    reader.setDaemon(true);
    reader.start();
    return events;
  }

  private static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
    JsonNode event = events.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10s").isNotNull();
    return event;
  }

  private static JsonNode nextNonBookmark(BlockingQueue<JsonNode> events) throws InterruptedException {
    JsonNode event;
    do {
      event = next(events);
    } while (event.path("type").asText().equals("BOOKMARK"));
    return event;
  }

  @Test
  void fromResourceVersionDeliversLaterChangesInOrder() throws Exception {
    String rv = create("default", "w-before", "{\"w\":\"1\"}");
    BlockingQueue<JsonNode> events = watch("watch=true&resourceVersion=" + rv + "&labelSelector=w%3D1");
    create("default", "w-after", "{\"w\":\"1\"}");
    JsonNode added = nextNonBookmark(events);
    assertThat(added.path("type").asText()).isEqualTo("ADDED");
    assertThat(added.path("object").path("metadata").path("name").asText()).isEqualTo("w-after");
    assertThat(added.path("object").path("kind").asText()).isEqualTo("ConfigMap");

    // leaving the selection is a DELETED event, as kube-apiserver's filtered watches report it
    server.send(server.admin, "PATCH", "/api/v1/namespaces/default/configmaps/w-after",
        "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"w\":\"2\"}}}".getBytes(StandardCharsets.UTF_8));
    JsonNode left = nextNonBookmark(events);
    assertThat(left.path("type").asText()).isEqualTo("DELETED");

    server.send(server.admin, "DELETE", "/api/v1/namespaces/default/configmaps/w-before", null, null);
    JsonNode deleted = nextNonBookmark(events);
    assertThat(deleted.path("type").asText()).isEqualTo("DELETED");
    assertThat(deleted.path("object").path("metadata").path("name").asText()).isEqualTo("w-before");
  }

  @Test
  void withoutResourceVersionStartsWithTheCurrentState() throws Exception {
    create("default", "w-existing", "{\"w\":\"initial\"}");
    BlockingQueue<JsonNode> events = watch("watch=1&labelSelector=w%3Dinitial");
    JsonNode first = nextNonBookmark(events);
    assertThat(first.path("type").asText()).isEqualTo("ADDED");
    assertThat(first.path("object").path("metadata").path("name").asText()).isEqualTo("w-existing");
  }

  @Test
  void timeoutSecondsEndsTheStreamAndBookmarksArriveWhenAsked() throws Exception {
    BlockingQueue<JsonNode> events = watch("watch=true&resourceVersion=" + server.store.currentRevision()
        + "&allowWatchBookmarks=true&timeoutSeconds=2&labelSelector=nothing%3Dhere");
    JsonNode bookmark = next(events);
    assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
    assertThat(bookmark.path("object").path("metadata").path("resourceVersion").asText()).isNotEmpty();
    JsonNode event;
    do {
      event = next(events);
    } while (!event.path("type").asText().equals("CLOSED"));
  }

  @Test
  void aCompactedResourceVersionIsExpired() throws Exception {
    create("default", "w-compact-1", "{}");
    String rv = create("default", "w-compact-2", "{}");
    server.store.compact(Long.parseLong(rv)).join();
    BlockingQueue<JsonNode> events = watch("watch=true&resourceVersion=1");
    JsonNode error = next(events);
    assertThat(error.path("type").asText()).isEqualTo("ERROR");
    assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
    assertThat(error.path("object").path("reason").asText()).isEqualTo("Expired");
    assertThat(error.path("object").path("message").asText()).startsWith("too old resource version: 1 (");
  }
}
