package dev.gatehouse.aws.sigv4;

import java.time.Duration;
import java.time.Instant;

/**
 * AWS's error codes and texts for SigV4 failures, as clients print them. Sources: messages observed from AWS
 * in public issue reports (the "Signature expired" and "Authorization header requires" families, the
 * key=value text with its trailing period) and the error ordering documented by
 * dacut/scratchstack-aws-signature for Coral services.
 */
public final class SigV4Messages {
  public static final String INCOMPLETE_SIGNATURE = "IncompleteSignature";
  public static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
  public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationToken";
  public static final String MALFORMED_QUERY_STRING = "MalformedQueryString";

  public static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
      + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
      + "documentation for details.";
  public static final String MISSING_TOKEN = "Request is missing Authentication Token";
  public static final String HOST_MUST_BE_SIGNED =
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";

  static final String REQUIRES_CREDENTIAL = "Authorization header requires 'Credential' parameter.";
  static final String REQUIRES_SIGNATURE = "Authorization header requires 'Signature' parameter.";
  static final String REQUIRES_SIGNED_HEADERS = "Authorization header requires 'SignedHeaders' parameter.";
  static final String REQUIRES_DATE =
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
  static final String QUERY_REQUIRES_CREDENTIAL = "AWS query-string parameters must include 'X-Amz-Credential'.";
  static final String QUERY_REQUIRES_SIGNATURE = "AWS query-string parameters must include 'X-Amz-Signature'.";
  static final String QUERY_REQUIRES_SIGNED_HEADERS =
      "AWS query-string parameters must include 'X-Amz-SignedHeaders'.";
  static final String QUERY_REQUIRES_DATE = "AWS query-string parameters must include 'X-Amz-Date'.";
  static final String REEXAMINE_QUERY = "Re-examine the query-string parameters.";

  private SigV4Messages() {
  }

  static String unsupportedAlgorithm(String algorithm) {
    return "Unsupported AWS 'algorithm': '" + algorithm + "'.";
  }

  static String notKeyValue(String token, String header) {
    return "'" + token + "' not a valid key=value pair (missing equal-sign) in Authorization header: '" + header
        + "'.";
  }

  static String badDate(String value) {
    return "Date must be in ISO-8601 'basic format'. Got '" + value + "'. See http://en.wikipedia.org/wiki/ISO_8601";
  }

  static String credentialParts(String credential) {
    return "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
        + credential + "'";
  }

  static String wrongTerminator(String terminator) {
    return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'.";
  }

  static String scopeDateMismatch(String scopeDate, String amzDate) {
    return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
        + scopeDate + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.";
  }

  /** AWS puts a trailing space after this sentence when it stands alone; callers join sentences with a space. */
  public static String wrongRegion(String region) {
    return "Credential should be scoped to a valid region, not '" + region + "'.";
  }

  public static String wrongService(String expectedService) {
    return "Credential should be scoped to correct service: '" + expectedService + "'.";
  }

  /** {@code Signature expired: 20191029T154623Z is now earlier than 20191029T163344Z (20191029T164844Z - 15 min.)}. */
  public static String signatureExpired(Instant requestTime, Instant now, Duration window) {
    return "Signature expired: " + AmzDate.format(requestTime) + " is now earlier than "
        + AmzDate.format(now.minus(window)) + " (" + AmzDate.format(now) + " - " + describe(window) + ")";
  }

  /** {@code Signature not yet current: X is still later than Y (Z + 15 min.)}. */
  public static String signatureNotYetCurrent(Instant requestTime, Instant now, Duration window) {
    return "Signature not yet current: " + AmzDate.format(requestTime) + " is still later than "
        + AmzDate.format(now.plus(window)) + " (" + AmzDate.format(now) + " + " + describe(window) + ")";
  }

  /** {@code 15 min.}, or {@code 90 sec.} for windows that are not whole minutes. */
  static String describe(Duration window) {
    long seconds = window.getSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
  }
}
