package dev.gatehouse.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RecordingListener;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etcd serving TLS with client-certificate authentication, certificates made by openssl for the test. */
class EtcdTlsTest {
  @TempDir
  Path dir;

  @Test
  void aStoreWithTheClientCertificateWorksAndOneWithoutItCannotOpen() throws Exception {
    EtcdProcess.requireInstalled();
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is needed to make certificates");
    makeCertificates();
    try (EtcdProcess etcd = EtcdProcess.withFlags("https", "--cert-file", dir.resolve("server.pem").toString(),
        "--key-file", dir.resolve("server.key").toString(), "--client-cert-auth",
        "--trusted-ca-file", dir.resolve("ca.pem").toString())) {
      etcd.start();
      String address = "etcd://127.0.0.1:" + port(etcd.endpoint()) + "/tls?cacert=" + dir.resolve("ca.pem")
          + "&cert=" + dir.resolve("client.pem") + "&key=" + dir.resolve("client.key") + "&timeout=10s";
      try (EtcdStore store = EtcdStore.open(address)) {
        RecordingListener listener = new RecordingListener();
        try (Watch ignored = store.watch("/t/", store.currentRevision(), listener)) {
          store.txn(new Txn(List.of(), List.of(new Op.Put("/t/a", "secret".getBytes(UTF_8))), List.of())).join();
          assertThat(listener.awaitCount(1).get(0).kv().key()).isEqualTo("/t/a");
        }
        assertThat(new String(store.range(RangeRequest.get("/t/a")).kvs().get(0).value(), UTF_8)).isEqualTo("secret");
      }
      EtcdStoreOptions noClientCertificate = EtcdStoreOptions.of(etcd.endpoint())
          .withTls(new EtcdStoreOptions.Tls(dir.resolve("ca.pem"), null, null))
          .withRequestTimeout(Duration.ofSeconds(3));
      assertThatThrownBy(() -> EtcdStore.open(noClientCertificate).close()).isInstanceOf(StoreException.class);
    }
  }

  private static int port(String endpoint) {
    return java.net.URI.create(endpoint).getPort();
  }

  private void makeCertificates() throws IOException, InterruptedException {
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=gatehouse-test-ca");
    issue("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    issue("client", "/CN=gatehouse", "extendedKeyUsage=clientAuth\n");
  }

  private void issue(String name, String subject, String extensions) throws IOException, InterruptedException {
    Files.writeString(dir.resolve(name + ".ext"), extensions);
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", name + ".pem", "-days", "1", "-extfile", name + ".ext");
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("openssl.log").toFile()).start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl " + String.join(" ", args) + " failed:\n"
          + Files.readString(dir.resolve("openssl.log")));
    }
  }
}
