package dev.gatehouse.aws.server;

import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigV4Signer;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The AWS pipeline in-process over a real embedded store, with a fixed clock, and requests signed the way
 * botocore signs them (POST form, content-type;host;x-amz-date[;x-amz-security-token]).
 */
final class AwsTestbed implements AutoCloseable {
  static final String ACCOUNT = "123456789012";
  static final String HOST = "127.0.0.1:6480";

  final Store store;
  final AwsState state;
  final AwsAssembly assembly;
  final Instant now;

  AwsTestbed(Path dir, Instant now) {
    this(dir, now, null);
  }

  AwsTestbed(Path dir, Instant now, AwsAuditLog audit) {
    this.now = now;
    this.store = SqliteStore.open(dir, SqliteStore.Options.defaults());
    this.state = AwsState.open(store);
    this.assembly = AwsAssembly.assemble(state, Clock.fixed(now, ZoneOffset.UTC), ACCOUNT, "us-east-1",
        java.util.List.of(), audit);
  }

  /**
   * The newest revision among IAM entities and accounts: what a refused request must not move. Access keys'
   * last-used bookkeeping is written in the background on any authenticated request, refused or not, as AWS
   * records a key's use, so it is left out.
   */
  long entityRevision() {
    long max = 0;
    for (var kv : store.range(dev.gatehouse.store.RangeRequest.prefix("/aws/")).kvs()) {
      if (!kv.key().startsWith("/aws/access-keys/")) {
        max = Math.max(max, kv.modRevision());
      }
    }
    return max;
  }

  SigningCredentials admin() {
    var key = assembly.admin().orElseThrow();
    return SigningCredentials.of(key.accessKeyId(), key.secret());
  }

  static String form(Map<String, String> params) {
    StringJoiner body = new StringJoiner("&");
    params.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
    return body.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpRequestView unsigned(String body) {
    return new HttpRequestView("POST", "/", null, Headers.of("Host", HOST,
        "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
  }

  HttpRequestView signed(String body, SigningCredentials creds, String service, Instant at) {
    HttpRequestView request = unsigned(body);
    return SigV4Signer.sign(request, creds, "us-east-1", service, at);
  }

  AwsResponse call(HttpRequestView request) {
    return assembly.api().handle(request, "127.0.0.1", false);
  }

  @Override
  public void close() {
    state.close();
    store.close();
  }
}
