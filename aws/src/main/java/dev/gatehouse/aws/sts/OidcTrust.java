package dev.gatehouse.aws.sts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which HTTPS servers AssumeRoleWithWebIdentity trusts when it fetches an issuer's discovery document and keys:
 * the JVM's default CAs, as AWS trusts well-known CAs, plus the CAs of an optional PEM bundle for issuers with a
 * private CA (a kind cluster, a lab Keycloak). Thumbprints of IAM OIDC providers are not consulted.
 */
public final class OidcTrust {
  private OidcTrust() {}

  /** An SSLContext trusting the default CAs and every certificate in the {@code caBundles} PEM files. */
  public static SSLContext sslContext(List<Path> caBundles) {
    try {
      List<X509Certificate> anchors = new ArrayList<>(defaultAnchors());
      for (Path bundle : caBundles) {
        anchors.addAll(readPem(bundle));
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("ca-" + i, anchors.get(i));
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up the trust for OIDC issuers: " + e.getMessage(), e);
    }
  }

  /** The certificates of a PEM file (one or more {@code BEGIN CERTIFICATE} blocks). */
  public static List<X509Certificate> readPem(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new GeneralSecurityException(file + " holds no certificate");
      }
      List<X509Certificate> out = new ArrayList<>();
      certs.forEach(c -> out.add((X509Certificate) c));
      return out;
    }
  }

  private static List<X509Certificate> defaultAnchors() throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return List.of(x509.getAcceptedIssuers());
      }
    }
    return List.of();
  }
}
