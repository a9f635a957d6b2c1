package dev.gatehouse.iam.policy.condition;

import dev.gatehouse.iam.policy.condition.ConditionOperator.Comparison;

final class Comparisons {
  private Comparisons() {}

  /** Applies an ordering comparison to {@code request.compareTo(policy)}. */
  static boolean holds(Comparison comparison, int requestVersusPolicy) {
    return switch (comparison) {
      case EQUAL, EQUAL_IGNORE_CASE, LIKE -> requestVersusPolicy == 0;
      case LESS -> requestVersusPolicy < 0;
      case LESS_OR_EQUAL -> requestVersusPolicy <= 0;
      case GREATER -> requestVersusPolicy > 0;
      case GREATER_OR_EQUAL -> requestVersusPolicy >= 0;
    };
  }
}
