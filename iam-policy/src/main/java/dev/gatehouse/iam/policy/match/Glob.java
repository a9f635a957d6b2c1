package dev.gatehouse.iam.policy.match;

/**
 * A compiled wildcard pattern: {@code *} is any run of characters, {@code ?} exactly one. Patterns are code arrays
 * rather than strings so that characters which came from a policy variable or an escape ({@code ${*}}) stay literal
 * even when they are {@code *} or {@code ?}. Common shapes (everything, exact, prefix, suffix) skip the general
 * backtracking matcher; nothing here uses regular expressions or allocates while matching.
 */
public final class Glob {
  /** Code for a multi-character wildcard in a pattern array. */
  public static final int STAR = -1;
  /** Code for a single-character wildcard in a pattern array. */
  public static final int QUESTION = -2;

  private enum Shape { ANY, EXACT, PREFIX, SUFFIX, GENERAL }

  private static final Glob ANY = new Glob(new int[] {STAR}, false);

  private final int[] codes;
  private final boolean ignoreCase;
  private final Shape shape;
  /** The literal text for EXACT, PREFIX and SUFFIX (lower-cased when ignoring case). */
  private final String literal;

  private Glob(int[] codes, boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
    int[] copy = codes.clone();
    if (ignoreCase) {
      for (int i = 0; i < copy.length; i++) {
        if (copy[i] >= 0) {
          copy[i] = Character.toLowerCase((char) copy[i]);
        }
      }
    }
    this.codes = copy;
    this.shape = shapeOf(copy);
    this.literal = switch (shape) {
      case EXACT -> text(copy, 0, copy.length);
      case PREFIX -> text(copy, 0, copy.length - 1);
      case SUFFIX -> text(copy, 1, copy.length);
      default -> null;
    };
  }

  /** A pattern whose {@code *} and {@code ?} characters are wildcards. */
  public static Glob of(String pattern, boolean ignoreCase) {
    return of(codesOf(pattern), ignoreCase);
  }

  public static Glob of(int[] codes, boolean ignoreCase) {
    if (codes.length == 1 && codes[0] == STAR) {
      return ANY;
    }
    return new Glob(codes, ignoreCase);
  }

  /** A pattern that matches exactly {@code text}, wildcard characters included. */
  public static Glob literal(String text, boolean ignoreCase) {
    int[] codes = new int[text.length()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = text.charAt(i);
    }
    return new Glob(codes, ignoreCase);
  }

  /** Pattern codes for text in which {@code *} and {@code ?} are wildcards. */
  public static int[] codesOf(String pattern) {
    int[] codes = new int[pattern.length()];
    for (int i = 0; i < codes.length; i++) {
      char c = pattern.charAt(i);
      codes[i] = c == '*' ? STAR : c == '?' ? QUESTION : c;
    }
    return codes;
  }

  public boolean matchesEverything() {
    return shape == Shape.ANY;
  }

  public boolean matches(String s) {
    return matches(s, 0, s.length());
  }

  /** Whether the region {@code s[from, to)} matches the whole pattern. */
  public boolean matches(String s, int from, int to) {
    int length = to - from;
    switch (shape) {
      case ANY:
        return true;
      case EXACT:
        return length == literal.length() && s.regionMatches(ignoreCase, from, literal, 0, length);
      case PREFIX:
        return length >= literal.length() && s.regionMatches(ignoreCase, from, literal, 0, literal.length());
      case SUFFIX:
        return length >= literal.length()
            && s.regionMatches(ignoreCase, to - literal.length(), literal, 0, literal.length());
      default:
        return matchGeneral(s, from, to);
    }
  }

  /** Classic two-pointer wildcard matching: backtrack only to the most recent star, so it is O(n·m) at worst. */
  private boolean matchGeneral(String s, int from, int to) {
    int[] p = codes;
    int pi = 0;
    int si = from;
    int starP = -1;
    int starS = -1;
    while (si < to) {
      if (pi < p.length && p[pi] != STAR && (p[pi] == QUESTION || same(p[pi], s.charAt(si)))) {
        pi++;
        si++;
      } else if (pi < p.length && p[pi] == STAR) {
        starP = pi++;
        starS = si;
      } else if (starP >= 0) {
        pi = starP + 1;
        si = ++starS;
      } else {
        return false;
      }
    }
    while (pi < p.length && p[pi] == STAR) {
      pi++;
    }
    return pi == p.length;
  }

  private boolean same(int code, char c) {
    if (code == c) {
      return true;
    }
    return ignoreCase && code == Character.toLowerCase(c);
  }

  private static Shape shapeOf(int[] codes) {
    int stars = 0;
    boolean question = false;
    for (int c : codes) {
      if (c == STAR) {
        stars++;
      } else if (c == QUESTION) {
        question = true;
      }
    }
    if (question) {
      return Shape.GENERAL;
    }
    if (stars == 0) {
      return Shape.EXACT;
    }
    if (stars == 1 && codes[codes.length - 1] == STAR) {
      return codes.length == 1 ? Shape.ANY : Shape.PREFIX;
    }
    if (stars == 1 && codes[0] == STAR) {
      return Shape.SUFFIX;
    }
    return Shape.GENERAL;
  }

  private static String text(int[] codes, int from, int to) {
    StringBuilder b = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      b.append((char) codes[i]);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int c : codes) {
      b.append(c == STAR ? '*' : c == QUESTION ? '?' : (char) c);
    }
    return b.toString();
  }
}
