package dev.gatehouse.iam.policy.condition;

import dev.gatehouse.iam.policy.match.Lookup;
import java.util.List;

/** A statement's Condition element: every clause must hold. */
public final class ConditionBlock {
  public static final ConditionBlock EMPTY = new ConditionBlock(List.of());

  private final ConditionClause[] clauses;
  private final List<ConditionClause> clauseList;

  public ConditionBlock(List<ConditionClause> clauses) {
    this.clauseList = List.copyOf(clauses);
    this.clauses = clauseList.toArray(new ConditionClause[0]);
  }

  /**
   * Whether all clauses hold. Every clause is evaluated even after one fails, so that all keys the statement needs
   * and the request lacks get reported (SimulatePolicy's MissingContextValues).
   */
  public boolean test(Lookup lookup) {
    boolean all = true;
    for (ConditionClause clause : clauses) {
      all &= clause.test(lookup);
    }
    return all;
  }

  public boolean isEmpty() {
    return clauses.length == 0;
  }

  public List<ConditionClause> clauses() {
    return clauseList;
  }
}
