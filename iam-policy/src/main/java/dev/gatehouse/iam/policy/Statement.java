package dev.gatehouse.iam.policy;

import dev.gatehouse.iam.policy.condition.ConditionBlock;
import dev.gatehouse.iam.policy.condition.ConditionClause;
import dev.gatehouse.iam.policy.match.ActionPattern;
import dev.gatehouse.iam.policy.match.Lookup;
import dev.gatehouse.iam.policy.match.ResourcePattern;
import java.util.List;

/**
 * One compiled statement. The public accessors describe it (for SimulatePolicy, GetContextKeysFor*Policy and
 * messages); the package-private matchers are what evaluation runs.
 */
public final class Statement {
  private final int index;
  private final String sid;
  private final Effect effect;
  private final Position start;
  private final Position end;
  private final List<String> actions;
  private final boolean notAction;
  private final List<String> resources;
  private final boolean notResource;
  private final boolean hasResource;
  private final boolean hasPrincipal;
  private final boolean notPrincipal;
  private final ConditionBlock condition;

  private final ActionPattern[] actionPatterns;
  private final ResourcePattern[] resourcePatterns;
  private final PrincipalMatcher principal;

  Statement(int index, String sid, Effect effect, Position start, Position end, List<String> actions,
      boolean notAction, List<String> resources, boolean notResource, boolean hasResource,
      PrincipalMatcher principal, boolean notPrincipal, ConditionBlock condition, boolean variables) {
    this.index = index;
    this.sid = sid;
    this.effect = effect;
    this.start = start;
    this.end = end;
    this.actions = List.copyOf(actions);
    this.notAction = notAction;
    this.resources = List.copyOf(resources);
    this.notResource = notResource;
    this.hasResource = hasResource;
    this.principal = principal;
    this.hasPrincipal = principal != null;
    this.notPrincipal = notPrincipal;
    this.condition = condition;
    this.actionPatterns = actions.stream().map(ActionPattern::of).toArray(ActionPattern[]::new);
    this.resourcePatterns = resources.stream().map(r -> ResourcePattern.of(r, variables))
        .toArray(ResourcePattern[]::new);
  }

  /** 0-based position in the Statement list. */
  public int index() {
    return index;
  }

  /** The Sid, or null when the statement has none. */
  public String sid() {
    return sid;
  }

  public Effect effect() {
    return effect;
  }

  public Position start() {
    return start;
  }

  public Position end() {
    return end;
  }

  /** The Action or NotAction entries (see {@link #notAction()}). */
  public List<String> actions() {
    return actions;
  }

  public boolean notAction() {
    return notAction;
  }

  /** The Resource or NotResource entries; empty when the statement has neither (trust policies). */
  public List<String> resources() {
    return resources;
  }

  public boolean notResource() {
    return notResource;
  }

  public boolean hasPrincipal() {
    return hasPrincipal;
  }

  public boolean notPrincipal() {
    return notPrincipal;
  }

  public List<ConditionClause> conditions() {
    return condition.clauses();
  }

  /**
   * The action patterns grouped by the (lower-cased) service they are confined to, or null when the statement may
   * match actions of any service (NotAction, or a pattern like "*").
   */
  java.util.Map<String, List<ActionPattern>> patternsByService() {
    if (notAction) {
      return null;
    }
    java.util.Map<String, List<ActionPattern>> out = new java.util.LinkedHashMap<>();
    for (ActionPattern p : actionPatterns) {
      if (p.service() == null) {
        return null;
      }
      out.computeIfAbsent(p.service(), k -> new java.util.ArrayList<>()).add(p);
    }
    return out;
  }

  boolean matchesAction(String action, int serviceLength) {
    for (ActionPattern p : actionPatterns) {
      if (p.matches(action, serviceLength)) {
        return !notAction;
      }
    }
    return notAction;
  }

  boolean matchesResource(String resource, Lookup lookup) {
    if (!hasResource) {
      return true;
    }
    for (ResourcePattern p : resourcePatterns) {
      if (p.matches(resource, lookup)) {
        return !notResource;
      }
    }
    return notResource;
  }

  /** How the Principal element names the caller; a statement without one names nobody. */
  PrincipalMatch principalMatch(RequestPrincipal caller) {
    if (principal == null) {
      return PrincipalMatch.NONE;
    }
    PrincipalMatch m = principal.match(caller);
    if (!notPrincipal) {
      return m;
    }
    // NotPrincipal applies to everyone it does not name, as a direct grant or denial.
    return m == PrincipalMatch.NONE ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
  }

  boolean conditionHolds(Lookup lookup) {
    return condition.isEmpty() || condition.test(lookup);
  }

  @Override
  public String toString() {
    return "Statement[" + index + (sid == null ? "" : " " + sid) + " " + effect.wireName() + "]";
  }
}
