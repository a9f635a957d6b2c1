package dev.gatehouse.kube.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS client contexts for talking to Gatehouse itself: trust only its CA, optionally present a certificate. */
public final class ClientTls {
  private ClientTls() {}

  /**
   * @param ca the only CA trusted
   * @param client the certificate and key to present, or null for none
   */
  public static SSLContext trusting(X509Certificate ca, CertificateAuthority.Issued client)
      throws GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      trusted.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e); // an empty in-memory store reads nothing
    }
    trusted.setCertificateEntry("ca", ca);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(client == null ? null : new KeyManager[] {new SingleKeyManager(client)}, trust.getTrustManagers(),
        null);
    return context;
  }
}
