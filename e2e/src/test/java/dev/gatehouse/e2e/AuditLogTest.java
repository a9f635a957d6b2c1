package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `serve` writes an audit.k8s.io/v1 event line for kubectl's requests into <data-dir>/audit.log. */
class AuditLogTest {
  @TempDir
  Path temp;

  @Test
  void kubectlRequestsAreAudited() throws Exception {
    Kubectl.require();
    Path data = temp.resolve("data");
    try (GatehouseProcess server = GatehouseProcess.start(data, 0)) {
      Kubectl kubectl = new Kubectl(Files.createDirectories(temp.resolve("home")), server.kubeconfig(),
          Files.createDirectories(temp.resolve("work")));
      Kubectl.Result result = kubectl.run(List.of("create", "secret", "generic", "audited",
          "--from-literal=password=do-not-log-me"), null, 60);
      assertThat(result.exitCode()).as(result.stderr()).isZero();
      Path log = data.resolve("audit.log");
      String content = "";
      for (int i = 0; i < 100 && !content.contains("\"resource\":\"secrets\""); i++) {
        Thread.sleep(50);
        content = Files.exists(log) ? Files.readString(log) : "";
      }
      assertThat(content).contains("\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\"")
          .contains("\"verb\":\"create\"").contains("\"resource\":\"secrets\"")
          .contains("\"username\":\"gatehouse-admin\"").contains("\"authorization.k8s.io/decision\":\"allow\"")
          .contains("\"userAgent\":\"kubectl").doesNotContain("do-not-log-me");
    }
  }
}
