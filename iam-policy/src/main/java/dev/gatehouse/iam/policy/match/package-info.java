/**
 * Matching without regular expressions: wildcard globs, segment-aware ARN patterns, Action patterns with the
 * per-service statement index, and policy variables.
 */
package dev.gatehouse.iam.policy.match;
