package dev.gatehouse.iam.policy.condition;

import java.util.HashMap;
import java.util.Map;

/** The base condition operators (without set qualifier or IfExists), by value family and comparison. */
public enum ConditionOperator {
  STRING_EQUALS("StringEquals", Family.STRING, Comparison.EQUAL, false),
  STRING_NOT_EQUALS("StringNotEquals", Family.STRING, Comparison.EQUAL, true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, Comparison.EQUAL_IGNORE_CASE, false),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, Comparison.EQUAL_IGNORE_CASE, true),
  STRING_LIKE("StringLike", Family.STRING, Comparison.LIKE, false),
  STRING_NOT_LIKE("StringNotLike", Family.STRING, Comparison.LIKE, true),
  NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Comparison.EQUAL, false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, Comparison.EQUAL, true),
  NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Comparison.LESS, false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, Comparison.LESS_OR_EQUAL, false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Comparison.GREATER, false),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, Comparison.GREATER_OR_EQUAL, false),
  DATE_EQUALS("DateEquals", Family.DATE, Comparison.EQUAL, false),
  DATE_NOT_EQUALS("DateNotEquals", Family.DATE, Comparison.EQUAL, true),
  DATE_LESS_THAN("DateLessThan", Family.DATE, Comparison.LESS, false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, Comparison.LESS_OR_EQUAL, false),
  DATE_GREATER_THAN("DateGreaterThan", Family.DATE, Comparison.GREATER, false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, Comparison.GREATER_OR_EQUAL, false),
  BOOL("Bool", Family.BOOL, Comparison.EQUAL, false),
  BINARY_EQUALS("BinaryEquals", Family.BINARY, Comparison.EQUAL, false),
  IP_ADDRESS("IpAddress", Family.IP, Comparison.EQUAL, false),
  NOT_IP_ADDRESS("NotIpAddress", Family.IP, Comparison.EQUAL, true),
  ARN_EQUALS("ArnEquals", Family.ARN, Comparison.LIKE, false),
  ARN_LIKE("ArnLike", Family.ARN, Comparison.LIKE, false),
  ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, Comparison.LIKE, true),
  ARN_NOT_LIKE("ArnNotLike", Family.ARN, Comparison.LIKE, true),
  NULL("Null", Family.NULL, Comparison.EQUAL, false);

  public enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

  public enum Comparison { EQUAL, EQUAL_IGNORE_CASE, LIKE, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL }

  private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

  static {
    for (ConditionOperator op : values()) {
      BY_NAME.put(op.wireName, op);
    }
  }

  private final String wireName;
  private final Family family;
  private final Comparison comparison;
  private final boolean negated;

  ConditionOperator(String wireName, Family family, Comparison comparison, boolean negated) {
    this.wireName = wireName;
    this.family = family;
    this.comparison = comparison;
    this.negated = negated;
  }

  /** The operator with exactly this (case-sensitive) name, or null. */
  public static ConditionOperator byName(String name) {
    return BY_NAME.get(name);
  }

  public String wireName() {
    return wireName;
  }

  public Family family() {
    return family;
  }

  public Comparison comparison() {
    return comparison;
  }

  /**
   * Negated operators hold when the request value matches none of the policy values, and also when the key is
   * missing.
   */
  public boolean negated() {
    return negated;
  }
}
