package dev.gatehouse.kube.server;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.gatehouse.kube.pki.ServerPki;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TlsWarmUpTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(30)
  void handshakesBetweenTwoInMemoryEnginesWithTheServingCertificate() {
    ServerPki pki = ServerPki.loadOrCreate(dir, Clock.systemUTC());
    // the client engine trusts only the CA and checks the name "localhost": a wrong chain or key fails here
    assertThatCode(() -> TlsWarmUp.handshakeInMemory(pki)).doesNotThrowAnyException();
  }
}
