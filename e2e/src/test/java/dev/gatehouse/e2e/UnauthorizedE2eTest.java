package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad bearer token is 401 with kube-apiserver's Status body, which kubectl 1.32 prints as "the server has asked
 * for the client to provide credentials" while its discovery cache is cold and as "Unauthorized" once warm.
 */
class UnauthorizedE2eTest {
  @TempDir
  Path temp;

  @Test
  void kubectlPrintsItsStandardMessagesForABadToken() throws Exception {
    Kubectl.require();
    try (GatehouseProcess server = GatehouseProcess.start(temp.resolve("data"), 0)) {
      Path kubeconfig = temp.resolve("kubeconfig");
      Files.copy(server.kubeconfig(), kubeconfig);
      Path home = Files.createDirectories(temp.resolve("home"));
      Kubectl kubectl = new Kubectl(home, kubeconfig, Files.createDirectories(temp.resolve("work")));
      assertThat(kubectl.run(List.of("config", "set-credentials", "bad", "--token=not-a-valid-token"), null, 30)
          .exitCode()).isZero();

      Kubectl.Result cold = kubectl.run(List.of("get", "pods", "--user=bad"), null, 60);
      assertThat(cold.exitCode()).isEqualTo(1);
      assertThat(cold.stderr()).endsWith(
          "error: You must be logged in to the server (the server has asked for the client to provide credentials)\n");

      assertThat(kubectl.run(List.of("get", "pods"), null, 60).exitCode()).as("admin warms the cache").isZero();
      Kubectl.Result warm = kubectl.run(List.of("get", "pods", "--user=bad"), null, 60);
      assertThat(warm.exitCode()).isEqualTo(1);
      assertThat(warm.stderr()).isEqualTo("error: You must be logged in to the server (Unauthorized)\n");
    }
  }
}
