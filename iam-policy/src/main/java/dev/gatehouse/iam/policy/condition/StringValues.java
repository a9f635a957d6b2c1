package dev.gatehouse.iam.policy.condition;

import dev.gatehouse.iam.policy.condition.ConditionOperator.Comparison;
import dev.gatehouse.iam.policy.match.Glob;
import dev.gatehouse.iam.policy.match.Lookup;
import dev.gatehouse.iam.policy.match.Template;
import java.util.List;

/** String operators: Equals (case-sensitive), EqualsIgnoreCase, Like ({@code *} / {@code ?}, case-sensitive). */
final class StringValues implements ValueTest {
  private final Comparison comparison;
  /** Per policy value: a String (Equals), a Glob (Like) or a Template (has variables). */
  private final Object[] values;

  StringValues(Comparison comparison, List<String> written, boolean variables) {
    this.comparison = comparison;
    this.values = new Object[written.size()];
    for (int i = 0; i < values.length; i++) {
      String v = written.get(i);
      Template t = variables ? Template.parseOrNull(v) : null;
      values[i] = t != null ? t : comparison == Comparison.LIKE ? Glob.of(v, false) : v;
    }
  }

  @Override
  public boolean anyMatches(String request, Lookup lookup) {
    for (Object value : values) {
      if (value instanceof String s) {
        if (comparison == Comparison.EQUAL ? request.equals(s) : request.equalsIgnoreCase(s)) {
          return true;
        }
      } else if (value instanceof Glob g) {
        if (g.matches(request)) {
          return true;
        }
      } else if (matchesTemplate((Template) value, request, lookup)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesTemplate(Template template, String request, Lookup lookup) {
    if (comparison == Comparison.LIKE) {
      int[] codes = template.resolvePattern(lookup);
      return codes != null && Glob.of(codes, false).matches(request);
    }
    String resolved = template.resolveText(lookup);
    if (resolved == null) {
      return false;
    }
    return comparison == Comparison.EQUAL ? request.equals(resolved) : request.equalsIgnoreCase(resolved);
  }
}
