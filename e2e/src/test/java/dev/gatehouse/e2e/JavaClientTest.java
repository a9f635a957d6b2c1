package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.Watch;
import java.io.FileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Kubernetes Java client against a started Gatehouse: CRUD, pagination, watch, conflicts. */
class JavaClientTest {
  @TempDir
  static Path temp;
  static GatehouseProcess server;
  static ApiClient client;
  static CoreV1Api core;

  @BeforeAll
  static void start() throws Exception {
    server = GatehouseProcess.start(temp.resolve("data"), 0);
    try (FileReader reader = new FileReader(server.kubeconfig().toFile())) {
      client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
    }
    client.setReadTimeout(0);
    core = new CoreV1Api(client);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static V1ConfigMap configMap(String name, String value) {
    return new V1ConfigMap().metadata(new V1ObjectMeta().name(name).labels(Map.of("suite", "java")))
        .data(Map.of("value", value));
  }

  @Test
  void createGetUpdateAndConflict() throws Exception {
    V1ConfigMap created = core.createNamespacedConfigMap("default", configMap("jc-one", "1")).execute();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();

    V1ConfigMap read = core.readNamespacedConfigMap("jc-one", "default").execute();
    read.setData(Map.of("value", "2"));
    V1ConfigMap updated = core.replaceNamespacedConfigMap("jc-one", "default", read).execute();
    assertThat(updated.getData()).containsEntry("value", "2");
    assertThat(updated.getMetadata().getResourceVersion()).isNotEqualTo(read.getMetadata().getResourceVersion());

    read.setData(Map.of("value", "stale"));
    assertThatThrownBy(() -> core.replaceNamespacedConfigMap("jc-one", "default", read).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getResponseBody()).contains("Operation cannot be fulfilled on configmaps \\\"jc-one\\\": the"
              + " object has been modified; please apply your changes to the latest version and try again");
        });
    assertThatThrownBy(() -> core.createNamespacedConfigMap("default", configMap("jc-one", "x")).execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThatThrownBy(() -> core.readNamespacedConfigMap("jc-missing", "default").execute())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void pagination() throws Exception {
    for (int i = 0; i < 7; i++) {
      core.createNamespacedConfigMap("kube-public", configMap("page-" + i, Integer.toString(i))).execute();
    }
    List<String> names = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      V1ConfigMapList page = core.listNamespacedConfigMap("kube-public").limit(3).labelSelector("suite=java")
          ._continue(next).execute();
      page.getItems().forEach(cm -> names.add(cm.getMetadata().getName()));
      next = page.getMetadata().getContinue();
      pages++;
    } while (next != null && !next.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(names).containsExactly("page-0", "page-1", "page-2", "page-3", "page-4", "page-5", "page-6");
  }

  @Test
  void watchSeesChangesAfterListRevision() throws Exception {
    V1ConfigMapList list = core.listNamespacedConfigMap("kube-node-lease").execute();
    String rv = list.getMetadata().getResourceVersion();
    ApiClient watchClient = client;
    try (Watch<V1ConfigMap> watch = Watch.createWatch(watchClient,
        core.listNamespacedConfigMap("kube-node-lease").watch(true).resourceVersion(rv).timeoutSeconds(30)
            .buildCall(null),
        new TypeToken<Watch.Response<V1ConfigMap>>() { }.getType())) {
      core.createNamespacedConfigMap("kube-node-lease", configMap("watched", "1")).execute();
      core.deleteNamespacedConfigMap("watched", "kube-node-lease").execute();
      List<String> seen = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      for (Watch.Response<V1ConfigMap> event : watch) {
        seen.add(event.type + " " + event.object.getMetadata().getName());
        if (seen.size() == 2 || System.nanoTime() > deadline) {
          break;
        }
      }
      assertThat(seen).containsExactly("ADDED watched", "DELETED watched");
    }
  }
}
