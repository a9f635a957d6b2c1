package dev.gatehouse.bench.load;

import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The request/response scenarios: each prepares its data through the API (so the server stores exactly what it
 * would store for a real client), then hands {@link ClosedLoop} the request to repeat.
 */
final class RequestScenarios {
  static final String GET_NAMESPACE = "bench-get";
  static final String LIST_NAMESPACE = "bench-list";
  static final String CREATE_NAMESPACE = "bench-create";
  static final int LIST_SIZE = 500;

  private RequestScenarios() {}

  /** A prepared scenario: the request to repeat and a line describing what it does. */
  record Prepared(ClosedLoop.Call call, String description) {}

  /** {@code GET /healthz}: TLS, HTTP parsing, the hop to a worker thread and back, no storage or JSON. */
  static Prepared healthz(ApiClient client) {
    client.expect(HttpMethod.GET, "/healthz", null, 200);
    return new Prepared(seq -> client.send(HttpMethod.GET, "/healthz", null), "GET /healthz (floor cost)");
  }

  /** GET of one ConfigMap. */
  static Prepared get(ApiClient client, int valueBytes) {
    Manifests.ensureNamespace(client, GET_NAMESPACE);
    String collection = "/api/v1/namespaces/" + GET_NAMESPACE + "/configmaps";
    client.expect(HttpMethod.POST, collection, Manifests.configMap(GET_NAMESPACE, "target", valueBytes), 201, 409);
    String path = collection + "/target";
    client.expect(HttpMethod.GET, path, null, 200);
    return new Prepared(seq -> client.send(HttpMethod.GET, path, null),
        "GET " + path + " (" + valueBytes + " B value)");
  }

  /** LIST of a namespace holding exactly {@link #LIST_SIZE} ConfigMaps. */
  static Prepared list500(ApiClient client, int valueBytes, int concurrency) {
    Manifests.ensureNamespace(client, LIST_NAMESPACE);
    String collection = "/api/v1/namespaces/" + LIST_NAMESPACE + "/configmaps";
    createAll(client, LIST_NAMESPACE, "item-", LIST_SIZE, valueBytes, concurrency);
    ApiClient.Response list = client.expect(HttpMethod.GET, collection, null, 200);
    int items = Manifests.tree(list.body().getBytes()).path("items").size();
    if (items != LIST_SIZE) {
      throw new IllegalStateException(collection + " holds " + items + " objects, expected " + LIST_SIZE);
    }
    return new Prepared(seq -> client.send(HttpMethod.GET, collection, null),
        "GET " + collection + " (" + LIST_SIZE + " x " + valueBytes + " B values, " + list.body().length() / 1024
            + " KiB response)");
  }

  /** SelfSubjectAccessReview (what {@code kubectl auth can-i} sends): authentication, RBAC decision, no storage. */
  static Prepared selfSubjectAccessReview(ApiClient client) {
    String path = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    byte[] body = ("{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
        + "\"spec\":{\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"list\",\"resource\":\"pods\"}}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    client.expect(HttpMethod.POST, path, body, 201);
    return new Prepared(seq -> client.send(HttpMethod.POST, path, body), "POST " + path + " (can-i list pods)");
  }

  /** Durable creates of new ConfigMaps, each its own name. */
  static Prepared create(ApiClient client, int valueBytes, String runId) {
    Manifests.ensureNamespace(client, CREATE_NAMESPACE);
    String collection = "/api/v1/namespaces/" + CREATE_NAMESPACE + "/configmaps";
    return new Prepared(seq -> client.send(HttpMethod.POST, collection,
        Manifests.configMap(CREATE_NAMESPACE, "c-" + runId + "-" + seq, valueBytes)),
        "POST " + collection + " (" + valueBytes + " B value, fsync'd)");
  }

  /** Creates {@code count} ConfigMaps named prefix0..prefixN-1 (existing ones are kept), {@code parallel} at a time. */
  static void createAll(ApiClient client, String namespace, String prefix, int count, int valueBytes, int parallel) {
    String collection = "/api/v1/namespaces/" + namespace + "/configmaps";
    List<CompletableFuture<ApiClient.Response>> inFlight = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.add(client.send(HttpMethod.POST, collection, Manifests.configMap(namespace, prefix + i, valueBytes))
          .toCompletionStage().toCompletableFuture());
      if (inFlight.size() >= parallel || i == count - 1) {
        for (CompletableFuture<ApiClient.Response> f : inFlight) {
          ApiClient.Response r;
          try {
            r = f.get(60, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("create in " + collection + " failed: " + e, e);
          }
          if (r.status() != 201 && r.status() != 409) {
            throw new IllegalStateException("create in " + collection + " answered " + r.status() + ": " + r.text());
          }
        }
        inFlight.clear();
      }
    }
  }
}
