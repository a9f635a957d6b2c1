package dev.gatehouse.iam.policy.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ARN matching as ArnLike and the Resource element do it: the six colon-separated components
 * ({@code arn:partition:service:region:account:resource}) are matched one by one, so a {@code *} in the first five
 * never crosses a colon, while in the last component it spans {@code /} and {@code :}. Case-sensitive. A pattern
 * with fewer than six components (not a full ARN) matches only values with exactly as many components.
 */
public final class ArnPattern {
  private static final int COMPONENTS = 6;
  private static final ArnPattern ANY = new ArnPattern(new Glob[] {Glob.of("*", false)}, "*");

  /** The component patterns: six for an ARN pattern, else as many as the pattern has. */
  private final Glob[] components;
  private final String source;

  private ArnPattern(Glob[] components, String source) {
    this.components = components;
    this.source = source;
  }

  /** A pattern in which {@code *} and {@code ?} are wildcards. */
  public static ArnPattern of(String pattern) {
    if (pattern.equals("*")) {
      return ANY;
    }
    return of(Glob.codesOf(pattern), pattern);
  }

  /** A pattern from codes (see {@link Glob}), e.g. a resolved {@link Template}. */
  public static ArnPattern of(int[] codes, String source) {
    if (codes.length == 1 && codes[0] == Glob.STAR) {
      return ANY;
    }
    List<Glob> parts = new ArrayList<>(COMPONENTS);
    int start = 0;
    for (int i = 0; i < codes.length && parts.size() < COMPONENTS - 1; i++) {
      if (codes[i] == ':') {
        parts.add(Glob.of(Arrays.copyOfRange(codes, start, i), false));
        start = i + 1;
      }
    }
    parts.add(Glob.of(Arrays.copyOfRange(codes, start, codes.length), false));
    return new ArnPattern(parts.toArray(new Glob[0]), source);
  }

  public boolean matchesEverything() {
    return this == ANY;
  }

  public boolean matches(String value) {
    if (this == ANY) {
      return true;
    }
    int last = components.length - 1;
    int start = 0;
    for (int k = 0; k < last; k++) {
      int colon = value.indexOf(':', start);
      if (colon < 0 || !components[k].matches(value, start, colon)) {
        return false;
      }
      start = colon + 1;
    }
    if (components.length < COMPONENTS && value.indexOf(':', start) >= 0) {
      return false; // the value has more components than this partial pattern
    }
    return components[last].matches(value, start, value.length());
  }

  @Override
  public String toString() {
    return source;
  }
}
