package dev.gatehouse.iam.policy.match;

import java.util.Locale;

/**
 * One Action / NotAction entry: {@code service:action} with {@code *} and {@code ?}, matched case-insensitively.
 * When the service part is literal (almost always), matching compares the service prefix first and then runs the
 * wildcard pattern over the action name only, so "s3:*Object" against "ec2:RunInstances" fails on the service
 * length without scanning.
 */
public final class ActionPattern {
  private final String source;
  /** The lower-cased service prefix, or null when the pattern could match several services ("*"). */
  private final String service;
  /** The pattern after "service:" when the service is literal, else the whole pattern. */
  private final Glob glob;

  private ActionPattern(String source, String service, Glob glob) {
    this.source = source;
    this.service = service;
    this.glob = glob;
  }

  public static ActionPattern of(String pattern) {
    int colon = pattern.indexOf(':');
    if (colon > 0) {
      String prefix = pattern.substring(0, colon);
      if (prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
        return new ActionPattern(pattern, prefix.toLowerCase(Locale.ROOT), Glob.of(pattern.substring(colon + 1), true));
      }
    }
    return new ActionPattern(pattern, null, Glob.of(pattern, true));
  }

  public boolean matches(String action) {
    int colon = action.indexOf(':');
    return matches(action, colon < 0 ? action.length() : colon);
  }

  /** @param serviceLength the index of the first colon of {@code action} (its length if none) */
  public boolean matches(String action, int serviceLength) {
    if (service == null) {
      return glob.matches(action);
    }
    return serviceLength == service.length() && serviceLength < action.length()
        && action.regionMatches(true, 0, service, 0, serviceLength)
        && glob.matches(action, serviceLength + 1, action.length());
  }

  /** The pattern for the action name after "service:" when the service is literal (see {@link #service()}). */
  Glob nameGlob() {
    return glob;
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
