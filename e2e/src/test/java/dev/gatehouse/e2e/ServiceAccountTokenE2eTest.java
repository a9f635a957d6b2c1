package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl create token} issues a bound service-account token; curl presents it as a bearer token and the
 * server knows who it is; a garbage token is 401 with kube-apiserver's body. Also: key rotation keeps earlier
 * tokens valid across a restart and publishes both keys.
 */
class ServiceAccountTokenE2eTest {
  @TempDir
  Path temp;

  private static String curl(String url, Path ca, String token) throws Exception {
    Process p = new ProcessBuilder("curl", "-s", "--cacert", ca.toString(), "-H", "Authorization: Bearer " + token,
        url).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void kubectlCreateTokenWorksAsABearerTokenWithCurlAndSurvivesKeyRotation() throws Exception {
    Kubectl.require();
    Path data = temp.resolve("data");
    Path ca = data.resolve("pki/ca.crt");
    String token;
    String issuer = "https://issuer.gatehouse.test";
    try (GatehouseProcess server = GatehouseProcess.start(data, 0, "--service-account-issuer", issuer)) {
      Kubectl kubectl = new Kubectl(Files.createDirectories(temp.resolve("home")), server.kubeconfig(),
          Files.createDirectories(temp.resolve("work")));
      for (int i = 0; i < 100 && kubectl.run(List.of("get", "sa", "default"), null, 30).exitCode() != 0; i++) {
        Thread.sleep(100);
      }
      Kubectl.Result created = kubectl.run(List.of("create", "token", "default", "--duration=10m"), null, 60);
      assertThat(created.exitCode()).as(created.stderr()).isZero();
      token = created.stdout().trim();
      assertThat(token.split("\\.")).hasSize(3);

      String forbidden = curl(server.url() + "/api/v1/namespaces/default/secrets", ca, token);
      assertThat(forbidden).contains("\"message\":\"secrets is forbidden: User \\\"system:serviceaccount:default:default\\\""
          + " cannot list resource \\\"secrets\\\" in API group \\\"\\\" in the namespace \\\"default\\\"\"");
      String unauthorized = curl(server.url() + "/api/v1/namespaces/default/secrets", ca, token + "x");
      assertThat(unauthorized).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
          + "\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
    }

    Process rotate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        GatehouseProcess.jar().toString(), "rotate-service-account-key", "--data-dir", data.toString())
        .redirectErrorStream(true).start();
    String rotateOut = new String(rotate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rotate.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(rotate.exitValue()).as(rotateOut).isZero();

    try (GatehouseProcess server = GatehouseProcess.start(data, 0, "--service-account-issuer", issuer)) {
      // signed with the retired key, still unexpired: still authenticates
      String stillValid = curl(server.url() + "/api/v1/namespaces/default/secrets", ca, token);
      assertThat(stillValid).contains("User \\\"system:serviceaccount:default:default\\\"");
      String jwks = curl(server.url() + "/openid/v1/jwks", ca, "");
      assertThat(jwks.split("\"kid\"", -1)).as(jwks).hasSize(3);
    }
  }
}
