package dev.gatehouse.iam.policy.condition;

import dev.gatehouse.iam.policy.condition.OperatorName.SetQualifier;
import dev.gatehouse.iam.policy.match.Lookup;
import dev.gatehouse.iam.policy.match.ResourcePattern;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One key of one operator block ({@code "StringLike": {"aws:PrincipalTag/team": ["a*", "b"]}}), compiled. The
 * values are ORed; {@link ConditionBlock} ANDs the clauses of a statement.
 *
 * <p>Missing keys (absent, or an empty multi-valued key): {@code ...IfExists} ⇒ true; {@code ForAllValues:} ⇒ true;
 * {@code ForAnyValue:} ⇒ false; a bare negated operator ⇒ true; any other ⇒ false. {@code Null} tests presence.
 */
public final class ConditionClause {
  private final OperatorName operator;
  private final String writtenOperator;
  private final String writtenKey;
  private final String lowerKey;
  private final List<String> writtenValues;
  /** For Null: which presence answers match (index 0: absent, 1: present). */
  private final boolean[] nullAccepts;
  private final ValueTest values;

  /**
   * @param variables whether the policy's version enables policy variables in the values
   */
  public ConditionClause(String writtenOperator, OperatorName operator, String writtenKey, List<String> writtenValues,
      boolean variables) {
    this.operator = operator;
    this.writtenOperator = writtenOperator;
    this.writtenKey = writtenKey;
    this.lowerKey = writtenKey.toLowerCase(Locale.ROOT);
    this.writtenValues = List.copyOf(writtenValues);
    if (operator.operator() == ConditionOperator.NULL) {
      this.nullAccepts = new boolean[2];
      for (String v : writtenValues) {
        Boolean b = parseBool(v);
        if (b != null) {
          // "true" means: the key is null (absent).
          nullAccepts[b ? 0 : 1] = true;
        }
      }
      this.values = null;
    } else {
      this.nullAccepts = null;
      this.values = compile(operator.operator(), writtenValues, variables);
    }
  }

  private static ValueTest compile(ConditionOperator op, List<String> written, boolean variables) {
    ConditionOperator.Comparison cmp = op.comparison();
    switch (op.family()) {
      case STRING:
        return new StringValues(cmp, written, variables);
      case NUMERIC:
        return new ParsedValues<java.math.BigDecimal>(written, variables, ConditionClause::parseNumber,
            (request, policy) -> Comparisons.holds(cmp, request.compareTo(policy)));
      case DATE:
        return new ParsedValues<Long>(written, variables, DateValue::parse,
            (request, policy) -> Comparisons.holds(cmp, Long.compare(request, policy)));
      case BOOL:
        return new ParsedValues<Boolean>(written, variables, ConditionClause::parseBool, Boolean::equals);
      case BINARY:
        return new ParsedValues<byte[]>(written, variables, ConditionClause::parseBase64, Arrays::equals);
      case IP:
        return new ParsedValues<IpRange>(written, variables, IpRange::parse, (request, policy) -> policy.contains(request));
      case ARN: {
        ResourcePattern[] patterns = written.stream().map(v -> ResourcePattern.of(v, variables))
            .toArray(ResourcePattern[]::new);
        return (request, lookup) -> {
          for (ResourcePattern p : patterns) {
            if (p.matches(request, lookup)) {
              return true;
            }
          }
          return false;
        };
      }
      default:
        throw new IllegalArgumentException("no values for " + op);
    }
  }

  /** Evaluates the clause; reports the key through {@code lookup} when the request lacks it. */
  public boolean test(Lookup lookup) {
    String[] request = lookup.values(lowerKey);
    if (request == null) {
      lookup.reportMissing(lowerKey, writtenKey);
    }
    boolean missing = request == null || request.length == 0;
    if (nullAccepts != null) {
      return nullAccepts[missing ? 0 : 1];
    }
    boolean negated = operator.operator().negated();
    if (missing) {
      if (operator.ifExists()) {
        return true;
      }
      return switch (operator.qualifier()) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case NONE -> negated;
      };
    }
    SetQualifier qualifier = operator.qualifier();
    if (qualifier == SetQualifier.NONE) {
      // A single-valued test; for a multi-valued key without qualifier, "matches" means any value matches.
      boolean hit = false;
      for (String v : request) {
        if (values.anyMatches(v, lookup)) {
          hit = true;
          break;
        }
      }
      return negated != hit;
    }
    boolean all = qualifier == SetQualifier.FOR_ALL_VALUES;
    for (String v : request) {
      boolean satisfied = negated != values.anyMatches(v, lookup);
      if (all && !satisfied) {
        return false;
      }
      if (!all && satisfied) {
        return true;
      }
    }
    return all;
  }

  public OperatorName operator() {
    return operator;
  }

  public String writtenOperator() {
    return writtenOperator;
  }

  public String writtenKey() {
    return writtenKey;
  }

  public List<String> writtenValues() {
    return writtenValues;
  }

  static java.math.BigDecimal parseNumber(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return null;
    }
    try {
      return new java.math.BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Boolean parseBool(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (s.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  static byte[] parseBase64(String s) {
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return writtenOperator + " " + writtenKey + " " + writtenValues;
  }
}
