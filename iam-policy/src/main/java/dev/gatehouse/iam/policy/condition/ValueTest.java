package dev.gatehouse.iam.policy.condition;

import dev.gatehouse.iam.policy.match.Lookup;

/** The policy values of one condition key, compiled for their family: does a request value match any of them? */
interface ValueTest {
  boolean anyMatches(String requestValue, Lookup lookup);
}
