package dev.gatehouse.bench.load.aws;

import dev.gatehouse.aws.sigv4.SigningCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;

/**
 * A server under test (Gatehouse or moto), the credentials to sign with, and what setup left for the scenarios
 * (the role to assume). {@link #call} is for setup and checks only: one short-lived connection per call.
 */
record AwsTarget(String name, URI url, long pid, QuerySigner signer, String roleArn) {

  static AwsTarget of(String name, URI url, long pid, SigningCredentials credentials, String region) {
    if (!"http".equals(url.getScheme()) || url.getPort() < 0) {
      throw new IllegalArgumentException(name + ": the URL must be http://HOST:PORT, got " + url);
    }
    String host = url.getHost() + ":" + url.getPort();
    return new AwsTarget(name, url, pid, new QuerySigner(host, credentials, region), null);
  }

  AwsTarget withCredentials(SigningCredentials credentials, String region) {
    return new AwsTarget(name, url, pid, new QuerySigner(url.getHost() + ":" + url.getPort(), credentials, region),
        roleArn);
  }

  AwsTarget withRoleArn(String arn) {
    return new AwsTarget(name, url, pid, signer, arn);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(url.getHost(), url.getPort());
  }

  QueryConnection.Response call(String service, String form) {
    return call(service, form, QuerySigner.Spoil.NONE);
  }

  QueryConnection.Response call(String service, String form, QuerySigner.Spoil spoil) {
    return send(signer.request(service, form, Instant.now(), spoil));
  }

  /** Sends raw request bytes (the moto control API needs unsigned requests). */
  QueryConnection.Response send(byte[] request) {
    try (QueryConnection c = new QueryConnection(address())) {
      return c.exchange(request);
    } catch (IOException e) {
      throw new UncheckedIOException(name + " at " + url + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #call} but fails unless the answer is 2xx. */
  String expectOk(String service, String form) {
    QueryConnection.Response r = call(service, form);
    if (!r.ok()) {
      throw new IllegalStateException(name + ": " + form.replaceAll("&.*", "") + " answered " + r.summary());
    }
    return r.text();
  }
}
