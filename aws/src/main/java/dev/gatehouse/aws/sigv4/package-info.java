/**
 * AWS Signature Version 4 for non-S3 services, without any HTTP server dependency.
 *
 * <p>{@link dev.gatehouse.aws.sigv4.SigV4Parser} finds a signature in an
 * {@link dev.gatehouse.aws.sigv4.HttpRequestView} (header or presigned URL) and reports malformed ones with
 * AWS's codes and texts; {@link dev.gatehouse.aws.sigv4.SigV4Verifier} checks the clock and the signature once
 * the caller has looked up the secret key; {@link dev.gatehouse.aws.sigv4.SigV4Signer} produces signatures the
 * same way the SDKs do. The canonical request follows botocore's {@code SigV4Auth}; the test data are the
 * aws-c-auth suite and requests captured from botocore.
 */
package dev.gatehouse.aws.sigv4;
