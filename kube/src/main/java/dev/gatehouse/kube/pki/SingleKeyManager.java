package dev.gatehouse.kube.pki;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers one certificate and its key to TLS handshakes, straight from memory: a server's serving certificate, or
 * a client's certificate.
 *
 * <p>Why not hand the PEM text to the HTTP server: it would first build a PKCS#12 key store and seal the key in it
 * with a password-based cipher (10,000 PBKDF2 rounds each way), only to unseal it again at once. On a cold JVM
 * that costs about half a second of start-up for protection nobody needs: the key never leaves this process.
 */
public final class SingleKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "serving";
  private final X509Certificate[] chain;
  private final PrivateKey key;

  public SingleKeyManager(CertificateAuthority.Issued issued) {
    this.chain = new X509Certificate[] {issued.certificate()};
    this.key = issued.key();
  }

  /**
   * Whether the key fits what the handshake asks for: the key algorithm ("EC", "RSA"), or under TLS 1.2 a key
   * algorithm and the algorithm that signed the certificate ("EC_EC", "EC_RSA").
   */
  private boolean fits(String keyType) {
    return keyType.equals(key.getAlgorithm()) || keyType.startsWith(key.getAlgorithm() + "_");
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return keyType != null && fits(keyType) ? ALIAS : null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return chooseServerAlias(keyType, issuers, null);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return keyType != null && fits(keyType) ? new String[] {ALIAS} : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    for (String keyType : keyTypes) {
      if (fits(keyType)) {
        return ALIAS;
      }
    }
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return chooseClientAlias(keyTypes, issuers, null);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return getServerAliases(keyType, issuers);
  }
}
