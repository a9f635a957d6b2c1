package dev.gatehouse.iam.policy;

import dev.gatehouse.iam.policy.match.Lookup;
import dev.gatehouse.iam.policy.match.ServiceIndex;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working state of one evaluation: request facts computed once (the action's service hash), what the policy
 * passes found, and the explanation being built. Collections are allocated only when there is something to put in.
 */
final class EvaluationState implements Lookup {
  final EvaluationRequest request;
  final String action;
  final int serviceLength;
  final int serviceHash;

  DenyCause firstExplicitDeny = DenyCause.NONE;
  boolean identityAllows;
  PrincipalMatch resourceAllows = PrincipalMatch.NONE;
  boolean boundaryAllows;
  boolean boundaryDenies;
  boolean sessionAllows;

  private List<MatchedStatement> denies;
  private List<MatchedStatement> allows;
  private Map<String, String> missing;

  EvaluationState(EvaluationRequest request) {
    this.request = request;
    this.action = request.action();
    int colon = action.indexOf(':');
    this.serviceLength = colon < 0 ? action.length() : colon;
    this.serviceHash = ServiceIndex.hash(action, serviceLength);
  }

  @Override
  public String[] values(String lowerCaseKey) {
    return request.context().lookup(lowerCaseKey);
  }

  @Override
  public void reportMissing(String lowerCaseKey, String writtenKey) {
    if (missing == null) {
      missing = new LinkedHashMap<>();
    }
    missing.putIfAbsent(lowerCaseKey, writtenKey);
  }

  void deny(PolicySource source, Statement s, DenyCause cause) {
    if (firstExplicitDeny == DenyCause.NONE) {
      firstExplicitDeny = cause;
    }
    if (denies == null) {
      denies = new ArrayList<>(2);
    }
    denies.add(matched(source, s));
  }

  void allow(PolicySource source, Statement s) {
    if (allows == null) {
      allows = new ArrayList<>(4);
    }
    allows.add(matched(source, s));
  }

  List<MatchedStatement> denies() {
    return denies == null ? List.of() : denies;
  }

  List<MatchedStatement> allows() {
    return allows == null ? List.of() : allows;
  }

  /** The missing keys in the order first needed (the result copies them). */
  Set<String> missingKeys() {
    return missing == null ? Set.of() : new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return missing.values().iterator();
      }

      @Override
      public int size() {
        return missing.size();
      }
    };
  }

  private static MatchedStatement matched(PolicySource source, Statement s) {
    return new MatchedStatement(source, s.index(), s.sid(), s.effect(), s.start(), s.end());
  }
}
