package dev.gatehouse.kube.authn.x509;

import dev.gatehouse.kube.authn.AuthenticationResult;
import dev.gatehouse.kube.authn.Authenticator;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.server.ApiRequest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Client certificates: CN is the user name, each O a group. The TLS handshake already verified the chain
 * against the cluster CA (the listener trusts only that CA), so this stage checks validity dates and reads the
 * subject.
 */
public final class X509Authenticator implements Authenticator {
  private final Clock clock;

  public X509Authenticator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public AuthenticationResult authenticate(ApiRequest request) {
    List<X509Certificate> chain = request.peerCertificates();
    if (chain == null || chain.isEmpty()) {
      return new AuthenticationResult.NotApplicable();
    }
    X509Certificate leaf = chain.get(0);
    try {
      leaf.checkValidity(java.util.Date.from(clock.instant()));
    } catch (java.security.cert.CertificateException e) {
      return new AuthenticationResult.Rejected("x509: certificate has expired or is not yet valid");
    }
    String user = null;
    List<String> groups = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
        switch (rdn.getType().toUpperCase(java.util.Locale.ROOT)) {
          case "CN" -> user = rdn.getValue().toString();
          case "O" -> groups.add(rdn.getValue().toString());
          default -> { }
        }
      }
    } catch (InvalidNameException e) {
      return new AuthenticationResult.Rejected("x509: unreadable subject");
    }
    if (user == null || user.isEmpty()) {
      return new AuthenticationResult.Rejected("x509: subject with no common name");
    }
    // kube-apiserver 1.32 records which certificate authenticated the user
    return new AuthenticationResult.Authenticated(new UserInfo(user, "", List.copyOf(groups),
        Map.of(CREDENTIAL_ID, List.of("X509SHA256=" + fingerprint(leaf)))));
  }

  static final String CREDENTIAL_ID = "authentication.kubernetes.io/credential-id";

  private static String fingerprint(X509Certificate certificate) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
