package dev.gatehouse.eks.token;

import dev.gatehouse.aws.sigv4.Rfc3986;
import dev.gatehouse.kube.authn.tokens.serviceaccount.GoText;

/**
 * The parts of a token's URL that the checks need, split the way Go's {@code net/url.Parse} splits them (so a
 * URL aws-iam-authenticator refuses to parse is refused here with the same cause), without building a URI.
 *
 * @param scheme lower-cased, as Go reports it
 * @param host {@code host[:port]} exactly as written: what the client signed as the {@code host} header
 * @param rawPath the path still percent-encoded; empty for {@code https://host?…} and for opaque URLs
 * @param rawQuery the query without {@code ?}, empty when there is none
 */
record PresignedUrl(String scheme, String host, String rawPath, String rawQuery) {

  sealed interface Parse {}

  record Parsed(PresignedUrl url) implements Parse {}

  /** @param message Go's {@code parse "URL": cause}, with the query left out of the quoted URL */
  record Unparseable(String message) implements Parse {}

  static Parse parse(String url) {
    int hash = url.indexOf('#');
    String beforeFragment = hash < 0 ? url : url.substring(0, hash);
    String cause = problem(beforeFragment, hash < 0 ? "" : url.substring(hash + 1));
    if (cause != null) {
      return unparseable(url, cause);
    }
    String rest = beforeFragment;
    String scheme = "";
    int colon = schemeEnd(rest);
    if (colon == 0) {
      return unparseable(url, "missing protocol scheme");
    }
    if (colon > 0) {
      scheme = lowerAscii(rest.substring(0, colon));
      rest = rest.substring(colon + 1);
    }
    String rawQuery = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      rawQuery = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        // An opaque URL (https:sts.amazonaws.com): Go parses it without host or path.
        return new Parsed(new PresignedUrl(scheme, "", "", rawQuery));
      }
      int slash = rest.indexOf('/');
      if (rest.substring(0, slash < 0 ? rest.length() : slash).indexOf(':') >= 0) {
        return unparseable(url, "first path segment in URL cannot contain colon");
      }
    }
    String host = "";
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      String authority = rest.substring(2, slash < 0 ? rest.length() : slash);
      rest = slash < 0 ? "" : rest.substring(slash);
      int at = authority.lastIndexOf('@');
      if (at >= 0 && !validUserinfo(authority.substring(0, at))) {
        return unparseable(url, "net/url: invalid userinfo");
      }
      host = at < 0 ? authority : authority.substring(at + 1);
      String hostProblem = hostProblem(host);
      if (hostProblem != null) {
        return unparseable(url, hostProblem);
      }
    }
    String pathProblem = escapeProblem(rest);
    if (pathProblem != null) {
      return unparseable(url, pathProblem);
    }
    return new Parsed(new PresignedUrl(scheme, host, rest, rawQuery));
  }

  /** Control characters anywhere before the fragment, broken escapes in the fragment. */
  private static String problem(String beforeFragment, String fragment) {
    for (int i = 0; i < beforeFragment.length(); i++) {
      char c = beforeFragment.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return "net/url: invalid control character in URL";
      }
    }
    return escapeProblem(fragment);
  }

  /** Index of the scheme's colon, 0 for a URL starting with {@code :}, -1 when there is no scheme. */
  private static int schemeEnd(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static String hostProblem(String host) {
    String port;
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        return "missing ']' in host";
      }
      port = host.substring(close + 1);
    } else {
      int colon = host.lastIndexOf(':');
      port = colon < 0 ? "" : host.substring(colon);
    }
    if (!validOptionalPort(port)) {
      return "invalid port " + GoText.quote(port) + " after host";
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '%') {
        // Go accepts escapes in a host only for non-ASCII bytes and %25.
        String escape = host.substring(i, Math.min(i + 3, host.length()));
        if (escape.length() < 3 || Rfc3986.hexValue(escape.charAt(1)) < 0 || Rfc3986.hexValue(escape.charAt(2)) < 0
            || (Rfc3986.hexValue(escape.charAt(1)) < 8 && !escape.equals("%25"))) {
          return "invalid URL escape " + GoText.quote(escape);
        }
        i += 2;
      } else if (c < 0x80 && !allowedInHost(c)) {
        return "invalid character " + GoText.quote(String.valueOf(c)) + " in host name";
      }
    }
    return null;
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean allowedInHost(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-_.~!$&'()*+,;=:[]<>\"".indexOf(c) >= 0;
  }

  private static boolean validUserinfo(String userinfo) {
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code invalid URL escape "%zz"} for the first {@code %} not followed by two hex digits. */
  static String escapeProblem(String s) {
    int i = s.indexOf('%');
    while (i >= 0) {
      if (i + 2 >= s.length() || Rfc3986.hexValue(s.charAt(i + 1)) < 0 || Rfc3986.hexValue(s.charAt(i + 2)) < 0) {
        return "invalid URL escape " + GoText.quote(s.substring(i, Math.min(i + 3, s.length())));
      }
      i = s.indexOf('%', i + 3);
    }
    return null;
  }

  private static String lowerAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return s.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return s;
  }

  /** The query can carry the signature and a session token, so the quoted URL stops before it. */
  private static Unparseable unparseable(String url, String cause) {
    int question = url.indexOf('?');
    String shown = question < 0 ? url : url.substring(0, question) + "?…";
    return new Unparseable("parse " + GoText.quote(shown) + ": " + cause);
  }
}
