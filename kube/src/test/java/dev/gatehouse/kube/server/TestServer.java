package dev.gatehouse.kube.server;

import dev.gatehouse.kube.pki.ServerPki;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An in-process API server on a free loopback port, with an admin client and an anonymous one. */
final class TestServer implements AutoCloseable {
  final Store store;
  final KubeApiServer server;
  final ServerPki pki;
  final HttpClient admin;
  final HttpClient anonymous;
  /** A client certificate from the cluster CA for user "developer" in group "dev-team" (not system:masters). */
  final HttpClient developer;
  final String url;

  /** Every audit event the server wrote, in order. */
  final List<dev.gatehouse.kube.audit.AuditEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

  TestServer(Path dir, SqliteStore.Options storeOptions) throws Exception {
    this(dir, storeOptions, dev.gatehouse.kube.audit.AuditPolicy.defaultPolicy());
  }

  TestServer(Path dir, SqliteStore.Options storeOptions, dev.gatehouse.kube.audit.AuditPolicy auditPolicy)
      throws Exception {
    Clock clock = Clock.systemUTC();
    pki = ServerPki.loadOrCreate(dir.resolve("pki"), clock);
    store = SqliteStore.open(dir.resolve("store"), storeOptions);
    server = KubeApiServer.start(new KubeApiServer.Options("127.0.0.1", 0, store, pki, clock, List.of("dev"), 8, true,
        auditPolicy, events::add, dir.resolve("pki"), null, tokenFile(), List.of()));
    url = "https://127.0.0.1:" + server.port();
    admin = client(pki.admin());
    anonymous = client(null);
    developer = client(pki.ca().issueClient("developer", List.of("dev-team"), clock.instant(), Duration.ofHours(1)));
  }

  private HttpClient client(dev.gatehouse.kube.pki.CertificateAuthority.Issued identity) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", pki.ca().certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    if (identity != null) {
      keys.setKeyEntry("client", identity.key(), new char[0], new Certificate[] {identity.certificate()});
    }
    kmf.init(keys, new char[0]);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  HttpResponse<String> send(HttpClient client, String method, String path, String contentType, byte[] body)
      throws Exception {
    return send(client, method, path, contentType, null, body);
  }

  HttpResponse<String> send(HttpClient client, String method, String path, String contentType, String accept,
      byte[] body) throws Exception {
    return send(client, method, path, contentType, accept, java.util.Map.of(), body);
  }

  HttpResponse<String> send(HttpClient client, String method, String path, String contentType, String accept,
      java.util.Map<String, List<String>> headers, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
    headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the namespace controller has given "default" its service account (it runs asynchronously). */
  TestServer awaitDefaultServiceAccount() throws Exception {
    for (int i = 0; i < 100; i++) {
      if (send(admin, "GET", "/api/v1/namespaces/default/serviceaccounts/default", null, null).statusCode() == 200) {
        return this;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the default service account never appeared");
  }

  /** Static tokens every in-process test server accepts. */
  static dev.gatehouse.kube.authn.tokens.tokenfile.TokenFile tokenFile() {
    return dev.gatehouse.kube.authn.tokens.tokenfile.TokenFile.parse(
        "static-token-developer,developer,uid-dev,\"dev-team,qa\"\n");
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
