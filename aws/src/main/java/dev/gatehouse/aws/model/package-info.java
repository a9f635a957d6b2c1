/**
 * IAM and STS entities as Gatehouse stores them: immutable records, serialised as JSON into the store under
 * the keys of {@link dev.gatehouse.aws.state.AwsKeys}. Every "with..." method returns a changed copy; nothing
 * here reads the store or checks permissions.
 */
package dev.gatehouse.aws.model;
