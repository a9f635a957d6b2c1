package dev.gatehouse.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.aws.auth.CredentialResolver;
import dev.gatehouse.aws.bootstrap.AccountBootstrap;
import dev.gatehouse.aws.server.AwsAssembly;
import dev.gatehouse.aws.server.AwsResponse;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigV4Signer;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.eks.token.K8sAwsTokenVerifier;
import dev.gatehouse.eks.token.StsHosts;
import dev.gatehouse.eks.token.TokenVerification;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code K8sAwsTokenVerifier.verify} of {@code aws eks get-token} tokens, uncached: every call decodes the token,
 * runs upstream's checks, looks the key up and checks the SigV4 signature. The account lives in a real store
 * assembled as the server assembles it; tokens are minted at set-up with the wall clock (so they stay fresh for
 * 15 minutes) for Gatehouse's endpoint, as with {@code AWS_ENDPOINT_URL_STS}: 64 per principal, a second apart,
 * cycled. {@code userKey}: the administrator's long-term key; {@code roleSession}: AssumeRole credentials, whose
 * session token is opened (decrypted) on every call.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar -f 1 -wi 2 -i 3 -w 2s -r 3s -t 1 K8sAwsTokenBench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class K8sAwsTokenBench {
  static final String ACCOUNT = "111122223333";
  static final String ENDPOINT_HOST = "127.0.0.1:6480";
  static final String CLUSTER = "demo";
  static final int TOKENS = 64;

  private Path dir;
  private SqliteStore store;
  private AwsState state;
  private K8sAwsTokenVerifier verifier;
  private String[] userTokens;
  private String[] roleTokens;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("gatehouse-tokenbench");
    store = SqliteStore.open(dir, SqliteStore.Options.defaults());
    state = AwsState.open(store);
    Clock clock = Clock.systemUTC();
    AwsAssembly assembly = AwsAssembly.assemble(state, clock, ACCOUNT, "us-east-1", List.of(), null);
    AccountBootstrap.AdminKey admin = assembly.admin().orElseThrow();
    SigningCredentials adminKey = SigningCredentials.of(admin.accessKeyId(), admin.secret());
    SigningCredentials session = assumeRole(assembly, adminKey, clock.instant());
    verifier = new K8sAwsTokenVerifier(new CredentialResolver(state, assembly::tokens),
        StsHosts.of("aws", List.of("us-east-1"), List.of("http://" + ENDPOINT_HOST)), clock);
    userTokens = mint(adminKey, clock.instant());
    roleTokens = mint(session, clock.instant());
    for (String token : userTokens) {
      requireVerified(token);
    }
    for (String token : roleTokens) {
      requireVerified(token);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    state.close();
    store.close();
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Benchmark
  public TokenVerification userKey() {
    return verifier.verify(userTokens[next++ & (TOKENS - 1)], CLUSTER);
  }

  @Benchmark
  public TokenVerification roleSession() {
    return verifier.verify(roleTokens[next++ & (TOKENS - 1)], CLUSTER);
  }

  private void requireVerified(String token) {
    TokenVerification result = verifier.verify(token, CLUSTER);
    if (!(result instanceof TokenVerification.Verified)) {
      throw new IllegalStateException("set-up token does not verify: " + result);
    }
  }

  /** Tokens as aws eks get-token mints them for {@code http://127.0.0.1:6480}, a second apart, newest first. */
  private static String[] mint(SigningCredentials credentials, Instant now) {
    String[] tokens = new String[TOKENS];
    for (int i = 0; i < TOKENS; i++) {
      HttpRequestView request = new HttpRequestView("GET", "/", "Action=GetCallerIdentity&Version=2011-06-15",
          Headers.of("Host", ENDPOINT_HOST, "x-k8s-aws-id", CLUSTER), null);
      String url = SigV4Signer.presignUrl("http", request, credentials, "us-east-1", "sts", now.minusSeconds(i),
          Duration.ofSeconds(60));
      tokens[i] = "k8s-aws-v1." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(url.getBytes(StandardCharsets.UTF_8));
    }
    return tokens;
  }

  /** CreateRole + AssumeRole through the AWS pipeline, signed with the administrator's key. */
  private static SigningCredentials assumeRole(AwsAssembly assembly, SigningCredentials admin, Instant now)
      throws IOException {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    Map<String, String> createRole = new LinkedHashMap<>();
    createRole.put("Action", "CreateRole");
    createRole.put("Version", "2010-05-08");
    createRole.put("RoleName", "bench-deployer");
    createRole.put("Path", "/ci/");
    createRole.put("AssumeRolePolicyDocument", trust);
    call(assembly, admin, "iam", createRole, now);
    Map<String, String> assume = new LinkedHashMap<>();
    assume.put("Action", "AssumeRole");
    assume.put("Version", "2011-06-15");
    assume.put("RoleArn", "arn:aws:iam::" + ACCOUNT + ":role/ci/bench-deployer");
    assume.put("RoleSessionName", "EKSGetTokenAuth");
    JsonNode credentials = call(assembly, admin, "sts", assume, now)
        .at("/AssumeRoleResponse/AssumeRoleResult/Credentials");
    return SigningCredentials.of(credentials.get("AccessKeyId").asText(), credentials.get("SecretAccessKey").asText(),
        credentials.get("SessionToken").asText());
  }

  private static JsonNode call(AwsAssembly assembly, SigningCredentials credentials, String service,
      Map<String, String> params, Instant now) throws IOException {
    StringJoiner body = new StringJoiner("&");
    params.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequestView request = new HttpRequestView("POST", "/", null, Headers.of("Host", ENDPOINT_HOST,
        "Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "Accept", "application/json"),
        body.toString().getBytes(StandardCharsets.UTF_8));
    AwsResponse response = assembly.api().handle(SigV4Signer.sign(request, credentials, "us-east-1", service, now),
        "127.0.0.1", false);
    if (response.status() != 200) {
      throw new IllegalStateException(params.get("Action") + " failed: " + new String(response.body(),
          StandardCharsets.UTF_8));
    }
    return new ObjectMapper().readTree(response.body());
  }
}
