package dev.gatehouse.aws.sigv4;

/** {@code AWS4-HMAC-SHA256\n<amzDate>\n<date>/<region>/<service>/aws4_request\n<hex sha256 of canonical request>}. */
public record StringToSign(String text) {
  public static StringToSign of(String amzDate, CredentialScope scope, CanonicalRequest canonicalRequest) {
    return new StringToSign(SigV4Parser.ALGORITHM + "\n" + amzDate + "\n" + scope.scope() + "\n"
        + canonicalRequest.hash());
  }
}
