package dev.gatehouse.aws.protocol;

/**
 * Bounds on what {@link QueryRequest#parse} accepts. The default body limit leaves room for the largest Query
 * inputs (a 100,000-character SAML assertion or a 131,072-character policy document, percent-encoded).
 */
public record QueryLimits(int maxBodyBytes, int maxParameters) {
  public static final QueryLimits DEFAULT = new QueryLimits(1 << 20, 10_000);

  public QueryLimits {
    if (maxBodyBytes < 0 || maxParameters < 1) {
      throw new IllegalArgumentException("protocol: bad query limits " + maxBodyBytes + "/" + maxParameters);
    }
  }
}
