package dev.gatehouse.iam.policy;

import dev.gatehouse.iam.policy.match.Glob;
import dev.gatehouse.iam.policy.match.ServiceIndex;
import java.util.List;

/**
 * Evaluates a request against its policies in AWS's order (explicit deny; resource-based policy, trust policies
 * included; identity-based policies; permissions boundary; session policies). Stateless and thread-safe.
 *
 * <p>Each policy is read once: the service index narrows it to the statements that can apply to the action; a
 * statement then has to match action, resource, principal (resource policies only) and condition. Denies and allows
 * are collected per policy type; {@link DecisionTable} combines them. Action, resource, principal and string, ARN and
 * Bool condition matching allocate nothing; policy variables and numeric, date, IP and binary conditions parse the
 * request value per evaluation. Otherwise the state, the result and its explanation lists are the only per-request
 * objects (about 100 bytes for a typical allowed request).
 */
public final class Evaluator {
  private Evaluator() {}

  public static EvaluationResult evaluate(EvaluationRequest request) {
    EvaluationState state = new EvaluationState(request);
    List<PolicySource> identity = request.identityPolicies();
    for (int i = 0; i < identity.size(); i++) {
      if (scan(identity.get(i), state, false, DenyCause.EXPLICIT_IDENTITY) != PrincipalMatch.NONE) {
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
    boolean boundaryOk = request.permissionsBoundary().isEmpty() || (state.boundaryAllows && !state.boundaryDenies);
    return new EvaluationResult(decision, cause, matched, state.missingKeys(), boundaryOk);
  }

  /**
   * Reads one policy: records its applicable Deny statements and Allow statements, and returns how strongly its
   * applicable Allow statements name the caller (identity-type policies: DIRECT when any Allow applies).
   */
  private static PrincipalMatch scan(PolicySource source, EvaluationState state, boolean checkPrincipal,
      DenyCause denyCause) {
    Policy policy = source.policy();
    Statement[] statements = policy.statementArray();
    ServiceIndex.Candidate[] candidates =
        policy.serviceIndex().candidates(state.action, state.serviceLength, state.serviceHash);
    String action = state.action;
    String resource = state.request.resource();
    PrincipalMatch best = PrincipalMatch.NONE;
    for (ServiceIndex.Candidate candidate : candidates) {
      Statement s = statements[candidate.statement()];
      Glob[] names = candidate.names();
      boolean actionMatches = names == null ? s.matchesAction(action, state.serviceLength)
          : state.serviceLength < action.length()
              && ServiceIndex.anyNameMatches(names, action, state.serviceLength + 1);
      if (!actionMatches || !s.matchesResource(resource, state)) {
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
