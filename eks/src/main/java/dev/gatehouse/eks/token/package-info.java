/**
 * The {@code k8s-aws-v1.} bearer token of {@code aws eks get-token}, verified as aws-iam-authenticator's server
 * verifies it but without calling STS: {@link dev.gatehouse.eks.token.K8sAwsTokenVerifier} checks the presigned
 * GetCallerIdentity URL inside against Gatehouse's own credentials, {@link dev.gatehouse.eks.token.StsHosts}
 * says where such a URL may point, and {@link dev.gatehouse.eks.token.ArnCanonicalizer} gives the ARN mappings
 * are matched on.
 */
package dev.gatehouse.eks.token;
