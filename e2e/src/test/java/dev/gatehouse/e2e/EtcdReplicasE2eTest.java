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
 * within a second. Each replica has its own data directory; the CA, the admin certificate and the
 * service-account signing keys come from the store (sealed with the key file every replica is given), so one
 * kubeconfig and one token work on both, a key rotation reaches both, and a replica with another key refuses
 * to start.
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
    replicas = EtcdReplicas.start(temp);
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

  @Test
  void oneCaAndOneAdminCertificateServeEveryReplica() throws Exception {
    assertThat(Files.readString(replicas.b().kubeconfig().resolveSibling("pki").resolve("ca.crt")))
        .isEqualTo(Files.readString(replicas.a().kubeconfig().resolveSibling("pki").resolve("ca.crt")));
    // A's kubeconfig (its CA and client certificate) against B's address
    assertThat(ok(viaA, "--server", replicas.b().url(), "get", "namespace", "kube-system", "-o",
        "jsonpath={.metadata.name}")).isEqualTo("kube-system");
  }

  @Test
  void serviceAccountTokensFromOneReplicaAreAcceptedByTheOtherAndARotationReachesBoth() throws Exception {
    String before = ok(viaA, "create", "token", "default");
    assertThat(whoAmI(replicas.b(), before)).isEqualTo("system:serviceaccount:default:default");

    List<String> rotate = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", GatehouseProcess.jar().toString(),
        "rotate-service-account-key", "--data-dir", temp.resolve("rotate").toString()));
    rotate.addAll(replicas.storeArgs());
    Process rotation = new ProcessBuilder(rotate).redirectErrorStream(true).start();
    String printed = new String(rotation.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rotation.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(rotation.exitValue()).as(printed).isZero();
    String line = printed.lines().filter(l -> l.startsWith("rotated: ")).findFirst().orElse(printed);
    assertThat(line).startsWith("rotated: new key ").endsWith("kept for verification");

    String newKid = line.substring("rotated: new key ".length(), line.indexOf(','));
    String after = ok(viaB, "create", "token", "default");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!keyId(after).equals(newKid) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      after = ok(viaB, "create", "token", "default");
    }
    assertThat(keyId(after)).as("replica B signs with the rotated key").isEqualTo(newKid);
    assertThat(keyId(before)).isNotEqualTo(newKid);
    assertThat(whoAmI(replicas.a(), after)).isEqualTo("system:serviceaccount:default:default");
    assertThat(whoAmI(replicas.a(), before)).as("the retired key still verifies").isEqualTo(
        "system:serviceaccount:default:default");
  }

  @Test
  void aReplicaGivenAnotherEncryptionKeyRefusesToStartAndSaysWhy() throws Exception {
    Path otherKey = temp.resolve("other.key");
    Files.writeString(otherKey, java.util.Base64.getEncoder().encodeToString(new byte[32]));
    List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", GatehouseProcess.jar().toString(),
        "serve", "--data-dir", temp.resolve("c").toString(), "--kube-port", "0", "--aws-port", "0"));
    List<String> store = new java.util.ArrayList<>(replicas.storeArgs());
    store.set(store.indexOf("--encryption-key-file") + 1, otherKey.toString());
    command.addAll(store);
    Process serve = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(serve.exitValue()).as(output).isEqualTo(2);
    assertThat(output).containsPattern("gatehouse: cannot decrypt /gatehouse/secrets/pki: it was sealed with"
        + " encryption key [0-9a-f]{8}, this replica has key [0-9a-f]{8}; every replica needs the same"
        + " --encryption-key-file").doesNotContain("Exception");
  }

  /** {@code kubectl auth whoami} with only a bearer token against one replica. */
  private String whoAmI(GatehouseProcess replica, String token) throws Exception {
    Path ca = replica.kubeconfig().resolveSibling("pki").resolve("ca.crt");
    Kubectl bare = new Kubectl(temp.resolve("home"), temp.resolve("no-such-kubeconfig"), temp);
    return ok(bare, "--server", replica.url(), "--certificate-authority", ca.toString(), "--token", token, "auth",
        "whoami", "-o", "jsonpath={.status.userInfo.username}");
  }

  private static String keyId(String jwt) throws Exception {
    String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
        StandardCharsets.UTF_8);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(header).path("kid").asText();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
