package dev.gatehouse.aws.sigv4;

import java.util.Objects;

/**
 * The credential of a signature, {@code AKID/20150830/us-east-1/iam/aws4_request}. The terminator is always
 * {@code aws4_request}; the parser rejects any other.
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {
  public static final String TERMINATOR = "aws4_request";

  public CredentialScope {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
  }

  /** {@code date/region/service/aws4_request}: the scope line of the string to sign. */
  public String scope() {
    return date + "/" + region + "/" + service + "/" + TERMINATOR;
  }

  /** {@code accessKeyId/date/region/service/aws4_request}: the value of {@code Credential=}. */
  public String credential() {
    return accessKeyId + "/" + scope();
  }
}
