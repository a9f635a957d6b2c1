package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Gatehouse replicas on one etcd ({@code serve --store etcd://...}), driven with the real kubectl: what is
 * written through A is read and watched through B, and an RBAC change made through A changes B's decisions
 * within a second. The replicas share the CA and signing keys by a copied {@code pki/} directory (sharing them
 * through the store is still to come).
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdReplicasE2eTest {
  @TempDir
  static Path temp;

  private EtcdReplicas replicas;
  private Kubectl viaA;
  private Kubectl viaB;

  @BeforeAll
  void start() throws Exception {
    Kubectl.require();
    replicas = EtcdReplicas.start(temp, true);
    Path home = Files.createDirectories(temp.resolve("home"));
    viaA = new Kubectl(home, replicas.a().kubeconfig(), temp);
    viaB = new Kubectl(home, replicas.b().kubeconfig(), temp);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (replicas != null) {
      replicas.close();
    }
  }

  @Test
  void writesThroughOneReplicaAreReadAndWatchedThroughTheOther() throws Exception {
    ok(viaA, "create", "configmap", "first", "--from-literal=k=v");
    assertThat(ok(viaB, "get", "configmap", "first", "-o", "jsonpath={.data.k}")).isEqualTo("v");

    Process watch = viaB.start(List.of("get", "configmaps", "--watch", "--output-watch-events", "-o",
        "jsonpath={.type} {.object.metadata.name}{\"\\n\"}"));
    try {
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getInputStream(),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = lines.readLine()) != null) {
            if (line.contains("second")) {
              return line.strip();
            }
          }
          return "watch ended";
        } catch (Exception e) {
          return e.toString();
        }
      });
      Thread.sleep(1000); // the watch is open before the write
      ok(viaA, "create", "configmap", "second", "--from-literal=k=v");
      assertThat(seen.get(20, TimeUnit.SECONDS)).isEqualTo("ADDED second");
    } finally {
      watch.destroy();
      watch.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anRbacChangeThroughOneReplicaDecidesOnTheOtherWithinASecond() throws Exception {
    assertThat(canI(viaB)).isEqualTo("no");
    ok(viaA, "create", "rolebinding", "dev-view", "--clusterrole=view", "--user=dev", "--namespace=default");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    String answer = canI(viaB);
    while (!answer.equals("yes") && System.nanoTime() < deadline) {
      answer = canI(viaB);
    }
    assertThat(answer).as(replicas.b().log()).isEqualTo("yes");
  }

  private static String canI(Kubectl kubectl) throws Exception {
    return kubectl.run(List.of("auth", "can-i", "list", "pods", "--namespace=default", "--as=dev"), null, 30)
        .stdout().strip();
  }

  private static String ok(Kubectl kubectl, String... args) throws Exception {
    Kubectl.Result r = kubectl.run(List.of(args), null, 60);
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return r.stdout().strip();
  }
}
