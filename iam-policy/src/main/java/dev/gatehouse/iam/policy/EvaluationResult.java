package dev.gatehouse.iam.policy;

import java.util.List;
import java.util.Set;

/**
 * The decision and its explanation.
 *
 * @param matchedStatements for ALLOWED the Allow statements that applied (identity, resource, boundary and session
 *     policies, in that order); for EXPLICIT_DENY every Deny statement that applied; empty for IMPLICIT_DENY
 * @param missingContextKeys condition keys (and variables) that statements relevant to the action and resource
 *     referenced and the request context lacked, as first written in the policies
 * @param allowedByPermissionsBoundary whether the permissions boundary allows the request (true when there is no
 *     boundary: nothing limits it)
 */
public record EvaluationResult(Decision decision, DenyCause cause, List<MatchedStatement> matchedStatements,
    Set<String> missingContextKeys, boolean allowedByPermissionsBoundary) {

  public EvaluationResult {
    matchedStatements = List.copyOf(matchedStatements);
    // Keeps the order in which the keys were first needed.
    missingContextKeys = missingContextKeys.isEmpty() ? Set.of()
        : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(missingContextKeys));
  }

  public boolean allowed() {
    return decision == Decision.ALLOWED;
  }
}
