package dev.gatehouse.aws.sigv4;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What SigV4 and the Query protocol need to see of an HTTP request, independent of the server library.
 *
 * @param method the request method, e.g. {@code POST}
 * @param rawPath the path exactly as on the request line, still percent-encoded, without the query; SigV4
 *     canonicalises this raw form (an EKS principal ARN arrives as {@code arn%3Aaws...} and is signed as
 *     {@code arn%253Aaws...})
 * @param rawQuery the raw query string without the {@code ?}, or {@code null} when the request line has none
 * @param headers every header in arrival order; over HTTP/2 the adapter must supply {@code :authority} as a
 *     {@code host} header
 * @param body the body bytes exactly as received
 */
public record HttpRequestView(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
  private static final byte[] NO_BODY = new byte[0];

  public HttpRequestView {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(headers, "headers");
    body = body == null ? NO_BODY : body;
  }

  /** A copy with {@code added} headers appended in the map's iteration order. */
  public HttpRequestView withHeaders(Map<String, String> added) {
    Headers.Builder builder = headers.toBuilder();
    added.forEach(builder::add);
    return new HttpRequestView(method, rawPath, rawQuery, builder.build(), body);
  }

  public HttpRequestView withRawQuery(String query) {
    return new HttpRequestView(method, rawPath, query, headers, body);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpRequestView other && method.equals(other.method) && rawPath.equals(other.rawPath)
        && Objects.equals(rawQuery, other.rawQuery) && headers.equals(other.headers)
        && Arrays.equals(body, other.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
  }

  /** Leaves out header values and the query, which may carry credentials. */
  @Override
  public String toString() {
    return "HttpRequestView[" + method + " " + rawPath + ", " + headers + ", " + body.length + " body bytes]";
  }
}
