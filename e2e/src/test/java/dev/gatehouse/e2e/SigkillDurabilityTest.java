package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the API acknowledged (2xx) survives a SIGKILL of the server: 16 clients create configmaps as fast
 * as they can, the server is killed mid-stream, restarted on the same data directory, and each acknowledged
 * object is read back.
 */
class SigkillDurabilityTest {
  @TempDir
  Path temp;

  @Test
  void acknowledgedWritesSurviveSigkill() throws Exception {
    Path data = temp.resolve("data");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    GatehouseProcess first = GatehouseProcess.start(data, 0);
    AdminHttp http = new AdminHttp(data, first.url());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      int client = c;
      futures.add(clients.submit(() -> {
        for (int i = 0; !stop.get(); i++) {
          String name = "c" + client + "-" + i;
          try {
            HttpResponse<String> response = http.postJson("/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
                    + "\"},\"data\":{\"i\":\"" + i + "\"}}");
            if (response.statusCode() == 201) {
              acknowledged.add(name);
            }
          } catch (Exception e) {
            return; // the server died under us
          }
        }
      }));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (acknowledged.size() < 2000 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    first.kill();
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(100);

    try (GatehouseProcess second = GatehouseProcess.start(data, 0)) {
      AdminHttp after = new AdminHttp(data, second.url());
      HttpResponse<String> list = after.get("/api/v1/namespaces/default/configmaps");
      assertThat(list.statusCode()).isEqualTo(200);
      List<String> missing = new ArrayList<>();
      for (String name : acknowledged) {
        if (!list.body().contains("\"name\":\"" + name + "\"")) {
          missing.add(name);
        }
      }
      assertThat(missing).as("acknowledged but lost after SIGKILL (of " + acknowledged.size() + ")").isEmpty();
    }
  }
}
