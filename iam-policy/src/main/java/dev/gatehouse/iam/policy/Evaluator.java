package dev.gatehouse.iam.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a request against its policies in AWS's order (explicit deny; resource-based policy, trust policies
 * included; identity-based policies; permissions boundary; session policies). Stateless and thread-safe.
 *
 * <p>Each policy is read once: the service index narrows it to the statements that can apply to the action; a
 * statement then has to match action, resource, principal (resource policies only) and condition. Denies and allows
 * are collected per policy type; {@link DecisionTable} combines them. Matching allocates nothing unless a policy
 * uses variables; the result and its explanation lists are the only per-request objects.
 */
public final class Evaluator {
  private Evaluator() {}

  public static EvaluationResult evaluate(EvaluationRequest request) {
    EvaluationState state = new EvaluationState(request);
    for (PolicySource source : request.identityPolicies()) {
      if (scan(source, state, false, DenyCause.EXPLICIT_IDENTITY) != PrincipalMatch.NONE) {
        state.identityAllows = true;
      }
    }
    if (request.resourcePolicy().isPresent()) {
      state.resourceAllows = scan(request.resourcePolicy().get(), state, true, DenyCause.EXPLICIT_RESOURCE);
    }
    if (request.permissionsBoundary().isPresent()) {
      int deniesBefore = state.denies().size();
      state.boundaryAllows =
          scan(request.permissionsBoundary().get(), state, false, DenyCause.EXPLICIT_BOUNDARY) != PrincipalMatch.NONE;
      state.boundaryDenies = state.denies().size() > deniesBefore;
    }
    List<PolicySource> sessions = request.sessionPolicies();
    for (int i = 0; i < sessions.size(); i++) {
      if (scan(sessions.get(i), state, false, DenyCause.EXPLICIT_SESSION) != PrincipalMatch.NONE) {
        state.sessionAllows = true;
      }
    }
    DenyCause cause = DecisionTable.decide(state);
    Decision decision = decisionOf(cause);
    List<MatchedStatement> matched = switch (decision) {
      case ALLOWED -> state.allows();
      case EXPLICIT_DENY -> state.denies();
      case IMPLICIT_DENY -> List.of();
    };
    Set<String> missing = state.missingKeys().isEmpty() ? Set.of() : new LinkedHashSet<>(state.missingKeys());
    boolean boundaryOk = request.permissionsBoundary().isEmpty() || (state.boundaryAllows && !state.boundaryDenies);
    return new EvaluationResult(decision, cause, matched, missing, boundaryOk);
  }

  /**
   * Reads one policy: records its applicable Deny statements and Allow statements, and returns how strongly its
   * applicable Allow statements name the caller (identity-type policies: DIRECT when any Allow applies).
   */
  private static PrincipalMatch scan(PolicySource source, EvaluationState state, boolean checkPrincipal,
      DenyCause denyCause) {
    Policy policy = source.policy();
    Statement[] statements = policy.statementArray();
    int[] candidates = policy.serviceIndex().candidates(state.action, state.serviceLength, state.serviceHash);
    String resource = state.request.resource();
    PrincipalMatch best = PrincipalMatch.NONE;
    for (int index : candidates) {
      Statement s = statements[index];
      if (!s.matchesAction(state.action) || !s.matchesResource(resource, state)) {
        continue;
      }
      PrincipalMatch named = PrincipalMatch.DIRECT;
      if (checkPrincipal) {
        named = s.principalMatch(state.request.principal());
        if (named == PrincipalMatch.NONE) {
          continue;
        }
      }
      if (!s.conditionHolds(state)) {
        continue;
      }
      if (s.effect() == Effect.DENY) {
        state.deny(source, s, denyCause);
      } else {
        state.allow(source, s);
        if (named.compareTo(best) > 0) {
          best = named;
        }
      }
    }
    return best;
  }

  static Decision decisionOf(DenyCause cause) {
    return switch (cause) {
      case NONE -> Decision.ALLOWED;
      case EXPLICIT_IDENTITY, EXPLICIT_RESOURCE, EXPLICIT_BOUNDARY, EXPLICIT_SESSION -> Decision.EXPLICIT_DENY;
      case NO_IDENTITY_ALLOW, NO_RESOURCE_ALLOW, NO_BOUNDARY_ALLOW, NO_SESSION_ALLOW -> Decision.IMPLICIT_DENY;
    };
  }
}
