package dev.gatehouse.aws.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.aws.bootstrap.AccountBootstrap;
import dev.gatehouse.aws.server.AwsAssembly;
import dev.gatehouse.aws.server.AwsAuditLog;
import dev.gatehouse.aws.server.AwsResponse;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigV4Signer;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.aws.testing.FakeClusterHost;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS endpoint's handler (Query and EKS behind the router) in-process over a real embedded store, with a
 * fixed clock and a {@link FakeClusterHost}. Requests are signed as botocore signs them: the Query ones as a
 * POST form, the EKS ones with the raw path exactly as the SDK sends it ({@code %3A}, {@code %2F}, {@code %20}
 * in ARN labels), {@code host;x-amz-date} plus {@code content-type} when there is a body and the session token.
 */
final class EksTestbed implements AutoCloseable {
  static final String ACCOUNT = "123456789012";
  static final String OTHER_ACCOUNT = "210987654321";
  static final String HOST = "127.0.0.1:6480";

  final SqliteStore store;
  final AwsState state;
  final FakeClusterHost host = new FakeClusterHost();
  final AwsAssembly assembly;
  final Instant now;

  EksTestbed(Path dir, Instant now, boolean withHost) {
    this(dir, now, withHost, null);
  }

  EksTestbed(Path dir, Instant now, boolean withHost, AwsAuditLog audit) {
    this.now = now;
    this.store = SqliteStore.open(dir, SqliteStore.Options.defaults());
    this.state = AwsState.open(store);
    this.assembly = AwsAssembly.assemble(state, Clock.fixed(now, ZoneOffset.UTC), ACCOUNT, "us-east-1", List.of(),
        audit, withHost ? host : null);
  }

  SigningCredentials admin() {
    var key = assembly.admin().orElseThrow();
    return SigningCredentials.of(key.accessKeyId(), key.secret());
  }

  SigningCredentials otherAccountAdmin() {
    var key = AccountBootstrap.ensureAccount(state, OTHER_ACCOUNT, now).orElseThrow();
    return SigningCredentials.of(key.accessKeyId(), key.secret());
  }

  /** An IAM or STS Query call that must succeed; the XML answer. */
  String query(SigningCredentials creds, String service, Map<String, String> params) {
    StringJoiner body = new StringJoiner("&");
    params.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
    HttpRequestView request = new HttpRequestView("POST", "/", null, Headers.of("Host", HOST,
        "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        body.toString().getBytes(StandardCharsets.UTF_8));
    AwsResponse r = call(SigV4Signer.sign(request, creds, "us-east-1", service, now));
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.status()).as(params + " → " + text).isEqualTo(200);
    return text;
  }

  /** An EKS request signed for {@code service} and {@code region}; a null body sends none. */
  HttpRequestView rest(SigningCredentials creds, String method, String rawPath, String rawQuery, String body,
      String service, String region) {
    HttpRequestView request = unsignedRest(method, rawPath, rawQuery, body);
    return SigV4Signer.sign(request, creds, region, service, now);
  }

  static HttpRequestView unsignedRest(String method, String rawPath, String rawQuery, String body) {
    Headers headers = body == null ? Headers.of("Host", HOST) : Headers.of("Host", HOST, "Content-Type", "application/json");
    return new HttpRequestView(method, rawPath, rawQuery, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  AwsResponse call(HttpRequestView request) {
    return assembly.handler().handle(request, "127.0.0.1", false);
  }

  /** The newest revision under /aws/ apart from access keys' last-used bookkeeping: what a refusal must not move. */
  long entityRevision() {
    long max = 0;
    for (var kv : store.range(RangeRequest.prefix("/aws/")).kvs()) {
      if (!kv.key().startsWith("/aws/access-keys/")) {
        max = Math.max(max, kv.modRevision());
      }
    }
    return max;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String between(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    assertThat(m.find()).as(element + " in " + xml).isTrue();
    return m.group(1);
  }

  @Override
  public void close() {
    state.close();
    store.close();
  }
}
