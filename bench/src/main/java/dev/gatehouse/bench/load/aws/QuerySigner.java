package dev.gatehouse.bench.load.aws;

import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigV4Signer;
import dev.gatehouse.aws.sigv4.SigningCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Builds complete, freshly SigV4-signed AWS Query requests ({@code POST /}, form body) as the bytes to write on
 * a connection. Signing happens per request with the current time, as an SDK does, so its cost is part of the
 * client's cost. The signed headers are those botocore signs for a Query call: {@code content-type},
 * {@code host} and {@code x-amz-date}.
 */
final class QuerySigner {
  static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

  /** How a request should be spoiled, for the checks that a server really verifies signatures. */
  enum Spoil { NONE, WRONG_SIGNATURE, WRONG_SECRET }

  private final String host;
  private final SigningCredentials credentials;
  private final String region;

  /** @param host the {@code Host} header, {@code 127.0.0.1:PORT} */
  QuerySigner(String host, SigningCredentials credentials, String region) {
    this.host = host;
    this.credentials = credentials;
    this.region = region;
  }

  String region() {
    return region;
  }

  byte[] request(String service, String form, Instant now) {
    return request(service, form, now, Spoil.NONE);
  }

  byte[] request(String service, String form, Instant now, Spoil spoil) {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    SigningCredentials signWith = spoil == Spoil.WRONG_SECRET
        ? new SigningCredentials(credentials.accessKeyId(), credentials.secretAccessKey() + "x",
            credentials.sessionToken())
        : credentials;
    HttpRequestView view = new HttpRequestView("POST", "/", null,
        Headers.of("Host", host, "Content-Type", CONTENT_TYPE), body);
    Map<String, String> signed = SigV4Signer.signHeaders(view, signWith, region, service, now);
    StringBuilder head = new StringBuilder(512);
    head.append("POST / HTTP/1.1\r\nHost: ").append(host).append("\r\nContent-Type: ").append(CONTENT_TYPE)
        .append("\r\n");
    for (Map.Entry<String, String> h : signed.entrySet()) {
      String value = h.getValue();
      if (spoil == Spoil.WRONG_SIGNATURE && h.getKey().equals("Authorization")) {
        value = flipLastHexDigit(value);
      }
      head.append(h.getKey()).append(": ").append(value).append("\r\n");
    }
    head.append("User-Agent: gatehouse-bench\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  /** Still well-formed (64 hex digits), but one digit wrong. */
  private static String flipLastHexDigit(String authorization) {
    char last = authorization.charAt(authorization.length() - 1);
    char other = last == '0' ? '1' : '0';
    return authorization.substring(0, authorization.length() - 1) + other;
  }
}
