package dev.gatehouse.aws.sigv4;

/** Where a request carries its SigV4 signature. */
public enum SignatureForm {
  /** {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}. */
  HEADER,
  /** A presigned URL: {@code X-Amz-Algorithm}, {@code X-Amz-Credential}, … {@code X-Amz-Signature} in the query. */
  QUERY
}
