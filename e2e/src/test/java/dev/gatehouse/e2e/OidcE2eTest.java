package dev.gatehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gatehouse.kube.pki.CertificateAuthority;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OIDC issuer (discovery + JWKS over HTTPS on loopback) configured through an AuthenticationConfiguration
 * file: kubectl with an ID token from it is the mapped user; expired and foreign tokens are 401.
 */
class OidcE2eTest {
  @TempDir
  Path temp;

  @Test
  void kubectlWithAnIdTokenActsAsTheMappedUser() throws Exception {
    Kubectl.require();
    CertificateAuthority ca = CertificateAuthority.create("test-idp-ca", Instant.now(), Duration.ofDays(1));
    CertificateAuthority.Issued serving = ca.issueServing("idp", List.of("localhost"), List.of("127.0.0.1"),
        Instant.now(), Duration.ofDays(1));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    var pair = rsa.generateKeyPair();
    RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID("k1").algorithm(JWSAlgorithm.RS256).build();

    HttpsServer idp = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("idp", serving.key(), new char[0], new Certificate[] {serving.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    idp.setHttpsConfigurator(new HttpsConfigurator(ssl));
    String issuer = "https://127.0.0.1:" + idp.getAddress().getPort();
    idp.createContext("/.well-known/openid-configuration", ex -> respond(ex,
        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}"));
    idp.createContext("/jwks", ex -> respond(ex, new JWKSet(jwk).toString()));
    idp.start();
    try {
      Path config = temp.resolve("authn.yaml");
      Files.writeString(config, """
          apiVersion: apiserver.config.k8s.io/v1beta1
          kind: AuthenticationConfiguration
          jwt:
          - issuer:
              url: %s
              audiences: [gatehouse]
              certificateAuthority: |
          %s
            claimMappings:
              username: {claim: email, prefix: "oidc:"}
              groups: {claim: groups, prefix: "oidc:"}
            claimValidationRules:
            - expression: "'devs' in claims.groups"
              message: must be in devs
          """.formatted(issuer, indent(dev.gatehouse.kube.pki.Pem.encode(ca.certificate()), "        ")));
      try (GatehouseProcess server = GatehouseProcess.start(temp.resolve("data"), 0, "--authentication-config",
          config.toString())) {
        Path kubeconfig = temp.resolve("oidc.kubeconfig");
        Files.copy(server.kubeconfig(), kubeconfig);
        Kubectl kubectl = new Kubectl(Files.createDirectories(temp.resolve("home")), kubeconfig,
            Files.createDirectories(temp.resolve("work")));
        String good = token(pair.getPrivate(), issuer, "alice@example.com", true, Instant.now().plusSeconds(600));
        Kubectl.Result asAlice = asUser(kubectl, good, List.of("get", "pods"));
        assertThat(asAlice.stderr()).isEqualTo("Error from server (Forbidden): pods is forbidden: User"
            + " \"oidc:alice@example.com\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"\n");
        String expired = token(pair.getPrivate(), issuer, "alice@example.com", true, Instant.now().minusSeconds(600));
        Kubectl.Result late = asUser(kubectl, expired, List.of("get", "pods"));
        assertThat(late.exitCode()).isEqualTo(1);
        assertThat(late.stderr()).contains("Unauthorized");
        String unverified = token(pair.getPrivate(), issuer, "bob@example.com", false, Instant.now().plusSeconds(600));
        assertThat(asUser(kubectl, unverified, List.of("get", "pods")).stderr()).contains("Unauthorized");
        String outsider = token(pair.getPrivate(), issuer, "carol@example.com", true, Instant.now().plusSeconds(600),
            List.of("ops"));
        assertThat(asUser(kubectl, outsider, List.of("get", "pods")).stderr()).contains("Unauthorized");
        // the reasons are in the server log only; callers get the generic 401
        assertThat(server.log()).contains("email not verified").contains("must be in devs");
        Kubectl.Result whoami = asUser(kubectl, good, List.of("auth", "whoami"));
        assertThat(whoami.stdout()).isEqualTo("ATTRIBUTE   VALUE\nUsername    oidc:alice@example.com\n"
            + "Groups      [oidc:devs system:authenticated]\n");
      }
    } finally {
      idp.stop(0);
    }
  }

  /** Runs kubectl as a kubeconfig user holding only the bearer token (no client certificate). */
  private static Kubectl.Result asUser(Kubectl kubectl, String token, List<String> args) throws Exception {
    Kubectl.Result set = kubectl.run(List.of("config", "set-credentials", "oidc", "--token=" + token), null, 30);
    assertThat(set.exitCode()).as(set.stderr()).isZero();
    List<String> all = new java.util.ArrayList<>(args);
    all.add("--user=oidc");
    return kubectl.run(all, null, 60);
  }

  private static String token(java.security.PrivateKey key, String issuer, String email, boolean verified,
      Instant expiry) throws Exception {
    return token(key, issuer, email, verified, expiry, List.of("devs"));
  }

  private static String token(java.security.PrivateKey key, String issuer, String email, boolean verified,
      Instant expiry, List<String> groups) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience("gatehouse").subject("user-" + email)
        .claim("email", email).claim("email_verified", verified).claim("groups", groups)
        .issueTime(Date.from(Instant.now().minusSeconds(1200))).expirationTime(Date.from(expiry)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
    jwt.sign(new RSASSASigner((RSAPrivateKey) key));
    return jwt.serialize();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String indent(String text, String prefix) {
    return text.lines().map(l -> prefix + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
