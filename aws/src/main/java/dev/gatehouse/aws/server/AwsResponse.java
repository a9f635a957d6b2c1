package dev.gatehouse.aws.server;

import java.util.Map;

/**
 * What the AWS endpoint answers, before it goes on the wire.
 *
 * @param headers further response headers (REST-JSON errors carry {@code X-Amzn-ErrorType}); never null
 */
public record AwsResponse(int status, String contentType, byte[] body, String requestId, Map<String, String> headers) {
  public AwsResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** A response with no further headers (every Query answer). */
  public AwsResponse(int status, String contentType, byte[] body, String requestId) {
    this(status, contentType, body, requestId, Map.of());
  }
}
