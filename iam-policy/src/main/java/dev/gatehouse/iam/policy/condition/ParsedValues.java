package dev.gatehouse.iam.policy.condition;

import dev.gatehouse.iam.policy.match.Lookup;
import dev.gatehouse.iam.policy.match.Template;
import java.util.List;
import java.util.function.Function;

/**
 * Families whose values are parsed before comparing (numbers, dates, booleans, binary, IP ranges). Policy values
 * are parsed once at compile time; one that does not parse never matches (IAM accepts some of them at put time).
 * Values with policy variables are substituted and parsed per evaluation.
 *
 * @param <T> the parsed form
 */
final class ParsedValues<T> implements ValueTest {
  /** Compares a parsed request value with a parsed policy value. */
  interface Matcher<T> {
    boolean matches(T request, T policy);
  }

  private final Function<String, T> parser;
  private final Matcher<T> matcher;
  /** Per policy value: the parsed T, a Template, or null when it did not parse. */
  private final Object[] values;

  ParsedValues(List<String> written, boolean variables, Function<String, T> parser, Matcher<T> matcher) {
    this.parser = parser;
    this.matcher = matcher;
    this.values = new Object[written.size()];
    for (int i = 0; i < values.length; i++) {
      String v = written.get(i);
      Template t = variables ? Template.parseOrNull(v) : null;
      values[i] = t != null ? t : parser.apply(v);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean anyMatches(String requestText, Lookup lookup) {
    T request = parser.apply(requestText);
    if (request == null) {
      return false;
    }
    for (Object value : values) {
      T policy;
      if (value instanceof Template t) {
        String resolved = t.resolveText(lookup);
        policy = resolved == null ? null : parser.apply(resolved);
      } else {
        policy = (T) value;
      }
      if (policy != null && matcher.matches(request, policy)) {
        return true;
      }
    }
    return false;
  }
}
