/**
 * The IAM policy language as a pure library (no I/O): parse and validate policy documents with IAM's
 * MalformedPolicyDocument messages ({@link dev.gatehouse.iam.policy.Policies}), evaluate requests in AWS's order
 * ({@link dev.gatehouse.iam.policy.Evaluator}) and explain the outcome (matched statements with source positions,
 * missing context keys, {@link dev.gatehouse.iam.policy.AccessDeniedMessages}).
 *
 * <p>Sub-packages: {@code json} (strict JSON with positions), {@code validate} (the ordered IAM checks),
 * {@code match} (wildcards, ARNs, policy variables, the action index), {@code condition} (operators and values).
 * The AWS documentation is the specification; moto's validator (Apache-2.0) was read to learn IAM's messages and
 * check order.
 */
package dev.gatehouse.iam.policy;
