/**
 * IAM's MalformedPolicyDocument checks in IAM's order ({@link dev.gatehouse.iam.policy.validate.PolicyValidator}),
 * with the exact message texts ({@link dev.gatehouse.iam.policy.validate.MalformedMessages}).
 */
package dev.gatehouse.iam.policy.validate;
