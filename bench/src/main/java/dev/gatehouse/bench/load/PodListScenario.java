package dev.gatehouse.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request {@code kubectl get pods -n NS} sends once its discovery cache is warm: a LIST of the namespace's
 * pods with {@code ?limit=500}, asking for a server-side Table (kubectl 1.32's exact Accept header). The namespace
 * holds {@link #POD_COUNT} pods, created through the API beforehand.
 */
final class PodListScenario {
  static final String NAMESPACE = "bench-pods";
  static final int POD_COUNT = 10;
  static final String KUBECTL_TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,"
      + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PodListScenario() {}

  static RequestScenarios.Prepared prepare(ApiClient client) {
    Manifests.ensureNamespace(client, NAMESPACE);
    String collection = "/api/v1/namespaces/" + NAMESPACE + "/pods";
    for (int i = 0; i < POD_COUNT; i++) {
      client.expect(HttpMethod.POST, collection, pod("web-" + i), 201, 409);
    }
    String path = collection + "?limit=500";
    ApiClient.Response table = client.send(HttpMethod.GET, path, null, KUBECTL_TABLE_ACCEPT)
        .toCompletionStage().toCompletableFuture().join();
    if (table.status() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + table.status() + ": " + table.text());
    }
    int rows = Manifests.tree(table.body().getBytes()).path("rows").size();
    if (rows != POD_COUNT) {
      throw new IllegalStateException("GET " + path + " as Table has " + rows + " rows, expected " + POD_COUNT
          + ": " + table.text());
    }
    return new RequestScenarios.Prepared(seq -> client.send(HttpMethod.GET, path, null, KUBECTL_TABLE_ACCEPT),
        "GET " + path + " as Table (kubectl get pods; " + POD_COUNT + " pods, " + table.body().length()
            + " B response)");
  }

  /** A small single-container pod, as a Deployment's would look before scheduling. */
  private static byte[] pod(String name) {
    ObjectNode pod = JSON.createObjectNode();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    ObjectNode metadata = pod.putObject("metadata");
    metadata.put("name", name);
    metadata.put("namespace", NAMESPACE);
    metadata.putObject("labels").put("app", "web").put("tier", "bench");
    ObjectNode container = pod.putObject("spec").putArray("containers").addObject();
    container.put("name", "app");
    container.put("image", "registry.k8s.io/pause:3.10");
    container.putArray("ports").addObject().put("containerPort", 8080).put("protocol", "TCP");
    container.putObject("resources").putObject("requests").put("cpu", "10m").put("memory", "16Mi");
    try {
      return JSON.writeValueAsBytes(pod);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
