package dev.gatehouse.iam.policy.match;

import java.util.Locale;

/** One Action / NotAction entry: {@code service:action} with {@code *} and {@code ?}, matched case-insensitively. */
public final class ActionPattern {
  private final String source;
  private final Glob glob;
  /** The lower-cased service prefix, or null when the pattern could match several services ("*"). */
  private final String service;

  private ActionPattern(String source, Glob glob, String service) {
    this.source = source;
    this.glob = glob;
    this.service = service;
  }

  public static ActionPattern of(String pattern) {
    int colon = pattern.indexOf(':');
    String service = null;
    if (colon > 0) {
      String prefix = pattern.substring(0, colon);
      if (prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
        service = prefix.toLowerCase(Locale.ROOT);
      }
    }
    return new ActionPattern(pattern, Glob.of(pattern, true), service);
  }

  public boolean matches(String action) {
    return glob.matches(action);
  }

  /** The service this pattern is confined to (lower case), or null if it is not confined to one. */
  public String service() {
    return service;
  }

  @Override
  public String toString() {
    return source;
  }
}
