package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigV4Signer;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.pki.CertificateAuthority;
import dev.gatehouse.kube.pki.ClientTls;
import dev.gatehouse.kube.pki.Pem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Starts a throwaway Gatehouse in this process (temporary directory, ports picked on 127.0.0.1), drives each
 * endpoint once the way a client does, stops it and deletes the directory. The {@code ./gatehouse} launcher runs it
 * once per build to record the JVM's class-data archive, so the classes a real start needs are already parsed and
 * verified on later starts.
 */
@Command(name = "self-check", mixinStandardHelpOptions = true, description = "Start a throwaway Gatehouse on"
    + " loopback ports in a temporary directory, drive its Kubernetes API (TLS, admin client certificate,"
    + " create/get/list/delete) and AWS endpoint (SigV4 GetCallerIdentity) once, stop it, and report ok or what"
    + " failed.")
final class SelfCheckCommand implements Callable<Integer> {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** A failed step, with what was expected and what came back. */
  private static final class CheckFailed extends Exception {
    CheckFailed(String message) {
      super(message);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    Path dir = Files.createTempDirectory("gatehouse-self-check");
    ServeCommand serve = new ServeCommand();
    Thread serving = new Thread(() -> new CommandLine(serve).execute("--data-dir", dir.toString(), "--kube-port", "0",
        "--aws-port", "0"), "self-check-serve");
    serving.setDaemon(true);
    serving.start();
    try {
      Endpoints endpoints = awaitEndpoints(dir, serving);
      checkKubernetes(dir, URI.create(endpoints.kubernetes()));
      String arn = checkAws(dir, URI.create(endpoints.aws()), endpoints.region());
      System.out.printf("self-check: ok in %d ms: Kubernetes API (TLS, client certificate, create, get, list, delete)"
          + " and AWS endpoint (SigV4 GetCallerIdentity as %s)%n", (System.nanoTime() - started) / 1_000_000, arn);
      return 0;
    } catch (CheckFailed | IOException e) {
      System.err.println("self-check: failed: " + e);
      return 1;
    } finally {
      serve.stop();
      serving.join(START_TIMEOUT.toMillis());
      deleteTree(dir);
    }
  }

  /** The endpoints file appears once both listeners are up. */
  private static Endpoints awaitEndpoints(Path dir, Thread serving) throws CheckFailed, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Path file = dir.resolve(Endpoints.FILE);
    while (System.nanoTime() < deadline) {
      if (!serving.isAlive()) {
        throw new CheckFailed("serve stopped before it was ready (its messages are above)");
      }
      try {
        if (Files.exists(file)) {
          return Endpoints.read(file);
        }
      } catch (IOException e) {
        // still being written: read again
      }
      Thread.sleep(20);
    }
    throw new CheckFailed("serve was not ready within " + START_TIMEOUT.toSeconds() + " s");
  }

  private static void checkKubernetes(Path dir, URI base) throws Exception {
    Path pki = dir.resolve("pki");
    CertificateAuthority.Issued admin = new CertificateAuthority.Issued(
        Pem.certificate(Files.readString(pki.resolve("admin.crt"))),
        Pem.privateKey(Files.readString(pki.resolve("admin.key"))));
    SSLContext tls = ClientTls.trusting(Pem.certificate(Files.readString(pki.resolve("ca.crt"))), admin);
    HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    String configMaps = "/api/v1/namespaces/default/configmaps";
    expect(client, request(base, "/readyz").GET(), 200, "ok");
    JsonNode version = expect(client, request(base, "/version").GET(), 200, "\"minor\"");
    if (!version.path("major").asText().equals("1")) {
      throw new CheckFailed("GET /version: major " + version.path("major") + ", expected \"1\"");
    }
    String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"self-check\"},"
        + "\"data\":{\"checked\":\"yes\"}}";
    expect(client, request(base, configMaps).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), 201, "\"checked\":\"yes\"");
    expect(client, request(base, configMaps + "/self-check").GET(), 200, "\"checked\":\"yes\"");
    expect(client, request(base, configMaps).GET(), 200, "\"self-check\"");
    expect(client, request(base, configMaps + "/self-check").DELETE(), 200, "\"Success\"");
    expect(client, request(base, configMaps + "/self-check").GET(), 404, "configmaps \\\"self-check\\\" not found");
  }

  private static String checkAws(Path dir, URI base, String region) throws Exception {
    Map<String, String> key = adminKey(dir.resolve("aws").resolve("credentials"));
    String body = "Action=GetCallerIdentity&Version=2011-06-15";
    String host = base.getHost() + ":" + base.getPort();
    HttpRequestView view = new HttpRequestView("POST", "/", "", Headers.of("Host", host, "Content-Type",
        "application/x-www-form-urlencoded; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    HttpRequestView signed = SigV4Signer.sign(view, SigningCredentials.of(key.get("aws_access_key_id"),
        key.get("aws_secret_access_key")), region, "sts", Instant.now());
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (Map.Entry<String, String> h : signed.headers().entries()) {
      if (!h.getKey().equalsIgnoreCase("host")) {
        request.header(h.getKey(), h.getValue());
      }
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    String text = response.body();
    int start = text.indexOf("<Arn>");
    int end = text.indexOf("</Arn>");
    if (response.statusCode() != 200 || start < 0 || end < start) {
      throw new CheckFailed("STS GetCallerIdentity: HTTP " + response.statusCode() + ": " + text.strip());
    }
    return text.substring(start + "<Arn>".length(), end);
  }

  /** The first profile of the credentials file serve wrote: the account's admin. */
  private static Map<String, String> adminKey(Path credentials) throws IOException, CheckFailed {
    String id = null;
    String secret = null;
    for (String line : Files.readAllLines(credentials)) {
      String[] kv = line.split("=", 2);
      if (kv.length == 2 && id == null && kv[0].strip().equals("aws_access_key_id")) {
        id = kv[1].strip();
      } else if (kv.length == 2 && secret == null && kv[0].strip().equals("aws_secret_access_key")) {
        secret = kv[1].strip();
      }
    }
    if (id == null || secret == null) {
      throw new CheckFailed(credentials + ": no admin access key");
    }
    return Map.of("aws_access_key_id", id, "aws_secret_access_key", secret);
  }

  private static HttpRequest.Builder request(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
  }

  /** Sends the request; its status must be {@code status} and its body contain {@code contains}. */
  private static JsonNode expect(HttpClient client, HttpRequest.Builder request, int status, String contains)
      throws Exception {
    HttpRequest built = request.build();
    HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
    String what = built.method() + " " + built.uri().getRawPath();
    if (response.statusCode() != status || !response.body().contains(contains)) {
      throw new CheckFailed(what + ": HTTP " + response.statusCode() + ", expected " + status + " with "
          + contains + ": " + response.body().strip());
    }
    return response.body().startsWith("{") ? Json.MAPPER.readTree(response.body()) : Json.MAPPER.nullNode();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
