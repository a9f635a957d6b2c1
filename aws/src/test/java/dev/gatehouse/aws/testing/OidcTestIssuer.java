package dev.gatehouse.aws.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An OIDC issuer for tests: an HTTPS server on 127.0.0.1 (a self-signed certificate made with the JDK's keytool,
 * for IP 127.0.0.1) serving {@code /issuer/.well-known/openid-configuration} and the JWKS at {@code /issuer/keys},
 * and the signing keys to mint tokens with. Keys can be published later (a rotation) or kept private (a rogue
 * signer). Counts the requests each path gets.
 */
public final class OidcTestIssuer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char[] PASSWORD = "changeit".toCharArray();

  private record SigningKey(String kid, String alg, KeyPair pair) {}

  private final Path dir;
  private final HttpsServer server;
  private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();
  private final List<String> published = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  private OidcTestIssuer(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
    this.dir = dir;
    keytool("-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "3", "-storetype", "PKCS12",
        "-keystore", dir.resolve("tls.p12").toString(), "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-alias", "tls", "-rfc", "-file", dir.resolve("ca.pem").toString(),
        "-keystore", dir.resolve("tls.p12").toString(), "-storepass", "changeit");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(dir.resolve("tls.p12").toFile())) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::serve);
    server.start();
  }

  /** Starts an issuer with a published RS256 key "rsa-1" and ES256 key "ec-1". */
  public static OidcTestIssuer start() {
    try {
      OidcTestIssuer issuer = new OidcTestIssuer(Files.createTempDirectory("gatehouse-oidc-issuer"));
      issuer.addKey("rsa-1", "RS256", true);
      issuer.addKey("ec-1", "ES256", true);
      return issuer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | InterruptedException e) {
      throw new IllegalStateException("cannot start the test OIDC issuer", e);
    }
  }

  /** {@code https://127.0.0.1:PORT/issuer}: the token's iss and the IAM OIDC provider's Url. */
  public String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
  }

  /** The self-signed certificate of the HTTPS server, as a PEM CA bundle. */
  public Path caBundle() {
    return dir.resolve("ca.pem");
  }

  /** Creates a signing key; published keys appear in the JWKS from the next fetch on. */
  public void addKey(String kid, String alg, boolean publish) {
    try {
      KeyPairGenerator gen;
      if (alg.startsWith("RS")) {
        gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
      } else {
        gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
      }
      keys.put(kid, new SigningKey(kid, alg, gen.generateKeyPair()));
      if (publish) {
        published.add(kid);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many requests a path ("/issuer/keys", "/issuer/.well-known/openid-configuration") got. */
  public int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  /**
   * A compact JWS with these claims, whose header names {@code kid} and which is signed with the key
   * {@code signer} (normally the same kid; another one makes a signature that does not verify).
   */
  public String mint(Map<String, Object> claims, String kid, String signer) {
    SigningKey key = keys.get(signer);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", key.alg());
    header.put("typ", "JWT");
    if (kid != null) {
      header.put("kid", kid);
    }
    try {
      String input = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
      Signature s = Signature.getInstance(key.alg().startsWith("RS") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
      s.initSign(key.pair().getPrivate());
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(s.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Object body;
    if (path.equals("/issuer/.well-known/openid-configuration")) {
      body = Map.of("issuer", url(), "jwks_uri", url() + "/keys", "id_token_signing_alg_values_supported",
          List.of("RS256", "ES256"));
    } else if (path.equals("/issuer/keys")) {
      List<Map<String, Object>> jwks = new ArrayList<>();
      for (String kid : published) {
        jwks.add(jwk(keys.get(kid)));
      }
      body = Map.of("keys", jwks);
    } else {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, Object> jwk(SigningKey key) {
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kid", key.kid());
    jwk.put("use", "sig");
    jwk.put("alg", key.alg());
    if (key.pair().getPublic() instanceof RSAPublicKey rsa) {
      jwk.put("kty", "RSA");
      jwk.put("n", b64(unsigned(rsa.getModulus())));
      jwk.put("e", b64(unsigned(rsa.getPublicExponent())));
    } else {
      ECPublicKey ec = (ECPublicKey) key.pair().getPublic();
      jwk.put("kty", "EC");
      jwk.put("crv", "P-256");
      jwk.put("x", b64(fixed(ec.getW().getAffineX(), 32)));
      jwk.put("y", b64(fixed(ec.getW().getAffineY(), 32)));
    }
    return jwk;
  }

  private static byte[] unsigned(BigInteger n) {
    byte[] b = n.toByteArray();
    return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }

  private static byte[] fixed(BigInteger n, int length) {
    byte[] b = unsigned(n);
    byte[] out = new byte[length];
    System.arraycopy(b, 0, out, length - b.length, b.length);
    return out;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("keytool failed: " + output);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
