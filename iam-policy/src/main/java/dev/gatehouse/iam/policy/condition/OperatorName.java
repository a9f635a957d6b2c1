package dev.gatehouse.iam.policy.condition;

/**
 * A condition operator as written: optional set qualifier, base operator, optional {@code IfExists}. Parsing
 * follows IAM's grammar check: strip one {@code ForAnyValue:} / {@code ForAllValues:} prefix, then one
 * {@code IfExists} suffix; what remains must be a base operator name (case-sensitive).
 */
public record OperatorName(SetQualifier qualifier, ConditionOperator operator, boolean ifExists) {

  /** How a condition treats a multi-valued request key. */
  public enum SetQualifier {
    /** No qualifier: the key is treated as one value (a multi-valued key matches if any value does). */
    NONE,
    /** {@code ForAnyValue:} at least one request value must satisfy the operator; missing or empty ⇒ false. */
    FOR_ANY_VALUE,
    /** {@code ForAllValues:} every request value must satisfy the operator; missing or empty ⇒ true. */
    FOR_ALL_VALUES
  }

  private static final String ANY = "ForAnyValue:";
  private static final String ALL = "ForAllValues:";
  private static final String IF_EXISTS = "IfExists";

  /** The parsed name, or null when it is not a known operator. */
  public static OperatorName parseOrNull(String written) {
    SetQualifier qualifier = SetQualifier.NONE;
    String rest = written;
    if (rest.startsWith(ANY)) {
      qualifier = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring(ANY.length());
    } else if (rest.startsWith(ALL)) {
      qualifier = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring(ALL.length());
    }
    boolean ifExists = false;
    if (rest.endsWith(IF_EXISTS)) {
      ifExists = true;
      rest = rest.substring(0, rest.length() - IF_EXISTS.length());
    }
    ConditionOperator op = ConditionOperator.byName(rest);
    return op == null ? null : new OperatorName(qualifier, op, ifExists);
  }
}
