package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one etcd; the one leading the election (it runs the singleton work, e.g. ClusterRole
 * aggregation) is killed with SIGKILL during a stream of creates. Clients that retry on the other replica lose
 * no acknowledged write, and the survivor takes the singleton work over once the dead leader's lease expires.
 */
@Tag("e2e")
class ReplicaFailoverE2eTest {
  private static final String LEADING = "leader election: this replica now runs the singleton work";
  private static final int WRITERS = 4;
  private static final int AFTER_KILL = 15;
  private static final AtomicInteger RETRIED = new AtomicInteger();

  @TempDir
  Path temp;

  @Test
  void killingTheLeaderLosesNoAcknowledgedWriteAndTheSingletonWorkMoves() throws Exception {
    Kubectl.require();
    try (EtcdReplicas replicas = EtcdReplicas.start(temp, "--leader-lease-duration", "3s")) {
      awaitTrue(() -> leads(replicas.a()) || leads(replicas.b()), 20, "a replica leads");
      GatehouseProcess leader = leads(replicas.a()) ? replicas.a() : replicas.b();
      GatehouseProcess survivor = leader == replicas.a() ? replicas.b() : replicas.a();
      assertThat(leads(survivor)).as("only one replica leads").isFalse();
      Path pkiOwner = leader.kubeconfig().getParent();
      AdminHttp toLeader = new AdminHttp(pkiOwner, leader.url());
      AdminHttp toSurvivor = new AdminHttp(pkiOwner, survivor.url());
      assertThat(toLeader.postJson("/api/v1/namespaces", "{\"metadata\":{\"name\":\"stream\"}}").statusCode())
          .isEqualTo(201);

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicInteger afterKill = new AtomicInteger();
      CountDownLatch warmedUp = new CountDownLatch(WRITERS * 10);
      CountDownLatch killed = new CountDownLatch(1);
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        done.add(writers.submit(() -> {
          for (int n = 0; afterKill.get() < AFTER_KILL * WRITERS; n++) {
            String name = "w" + writer + "-" + n;
            createRetrying(name, toLeader, toSurvivor, acknowledged);
            warmedUp.countDown();
            if (killed.getCount() == 0) {
              afterKill.incrementAndGet();
            }
          }
          return null;
        }));
      }
      assertThat(warmedUp.await(60, TimeUnit.SECONDS)).isTrue();
      leader.kill();
      long killedAt = System.nanoTime();
      killed.countDown();
      java.util.concurrent.CompletableFuture<Long> takeover = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        while (!leads(survivor) && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(30)) {
          sleepQuietly(50);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
      });
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      writers.shutdown();

      HttpResponse<String> list = toSurvivor.get("/api/v1/namespaces/stream/configmaps");
      assertThat(list.statusCode()).isEqualTo(200);
      for (String name : acknowledged) {
        assertThat(list.body()).as("acknowledged %s is stored", name).contains("\"name\":\"" + name + "\"");
      }
      assertThat(acknowledged.size()).isGreaterThanOrEqualTo(WRITERS * 10 + AFTER_KILL * WRITERS);

      awaitTrue(() -> leads(survivor), 20, "the survivor takes the singleton work over");
      System.out.printf("failover: %d creates acknowledged, %d retried on the survivor; the survivor led %d ms"
          + " after the SIGKILL (lease 3 s)%n", acknowledged.size(), RETRIED.get(), takeover.get());
      Kubectl kubectl = new Kubectl(Files.createDirectories(temp.resolve("home")), survivor.kubeconfig(), temp);
      Kubectl.Result applied = kubectl.run(List.of("apply", "-f", "-"), """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: widgets-view
            labels:
              rbac.authorization.k8s.io/aggregate-to-view: "true"
          rules:
          - apiGroups: ["example.com"]
            resources: ["widgets"]
            verbs: ["get", "list"]
          """, 60);
      assertThat(applied.exitCode()).as(applied.stderr()).isZero();
      awaitTrue(() -> viewRules(kubectl).contains("widgets"), 10, "the survivor aggregates into view");
    }
  }

  /** Creates through the leader; on a failure or an error answer, the same object through the survivor. */
  private static void createRetrying(String name, AdminHttp first, AdminHttp second, Set<String> acknowledged)
      throws InterruptedException {
    String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\"},\"data\":{\"n\":\"" + name + "\"}}";
    for (int attempt = 0; attempt < 50; attempt++) {
      AdminHttp target = attempt == 0 ? first : second;
      if (attempt == 1) {
        RETRIED.incrementAndGet();
      }
      try {
        int status = target.postJson("/api/v1/namespaces/stream/configmaps", body).statusCode();
        // 409 on a retry: the earlier attempt was applied though its answer was lost
        if (status == 201 || (status == 409 && attempt > 0)) {
          acknowledged.add(name);
          return;
        }
      } catch (java.io.IOException e) {
        // the replica died under this request: retry on the other
      }
      Thread.sleep(100);
    }
    throw new AssertionError("could not create " + name + " on either replica");
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean leads(GatehouseProcess replica) {
    String log = replica.log();
    int gained = log.lastIndexOf(LEADING);
    return gained >= 0 && log.indexOf("leader election: this replica stopped", gained) < 0;
  }

  private static String viewRules(Kubectl kubectl) {
    try {
      return kubectl.run(List.of("get", "clusterrole", "view", "-o", "jsonpath={.rules[*].resources}"), null, 30)
          .stdout();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static void awaitTrue(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within " + seconds + " s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
