package dev.gatehouse.kube.pki;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.store.CreateOnce;
import dev.gatehouse.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * The certificates every replica serves with, kept in the store (sealed at rest) so that replicas sharing a store
 * share one CA: a kubeconfig or token issued through one is accepted by all. The first replica to start creates
 * them — importing the data directory's own certificates when it has some from before, so an existing
 * installation keeps its CA — and every replica writes the store's copy into its {@code pki} directory, where
 * kubeconfigs and AWS CA bundles point.
 */
public final class SharedPki {
  /** Sealed by the encryption layer: everything under {@code /gatehouse/secrets/} is. */
  public static final String KEY = "/gatehouse/secrets/pki";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Stored(String caCertificate, String caKey, String servingCertificate, String servingKey,
      String adminCertificate, String adminKey) {}

  private SharedPki() {}

  public static ServerPki load(Store store, Path pkiDir, Clock clock) {
    byte[] stored = CreateOnce.read(store, KEY)
        .orElseGet(() -> CreateOnce.value(store, KEY, () -> encode(ServerPki.loadOrCreate(pkiDir, clock))));
    ServerPki pki = decode(stored);
    boolean filesMatch = ServerPki.read(pkiDir).map(local -> Arrays.equals(encode(local), stored)).orElse(false);
    if (!filesMatch) {
      pki.writeTo(pkiDir); // another replica created the CA first: the store's copy wins
    }
    return pki;
  }

  static byte[] encode(ServerPki pki) {
    try {
      return JSON.writeValueAsBytes(new Stored(Pem.encode(pki.ca().certificate()), Pem.encode(pki.ca().key()),
          pki.serving().certificatePem(), pki.serving().keyPem(), pki.admin().certificatePem(), pki.admin().keyPem()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServerPki decode(byte[] bytes) {
    try {
      Stored s = JSON.readValue(bytes, Stored.class);
      return new ServerPki(new CertificateAuthority(Pem.certificate(s.caCertificate()), Pem.privateKey(s.caKey())),
          new CertificateAuthority.Issued(Pem.certificate(s.servingCertificate()), Pem.privateKey(s.servingKey())),
          new CertificateAuthority.Issued(Pem.certificate(s.adminCertificate()), Pem.privateKey(s.adminKey())));
    } catch (IOException e) {
      throw new UncheckedIOException("the stored PKI at " + KEY + " is unreadable", e);
    }
  }
}
