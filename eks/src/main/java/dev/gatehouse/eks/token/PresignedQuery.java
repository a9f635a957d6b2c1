package dev.gatehouse.eks.token;

import dev.gatehouse.aws.sigv4.Rfc3986;
import dev.gatehouse.kube.authn.tokens.serviceaccount.GoText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * aws-iam-authenticator's checks of a token URL's query, in its order and with its texts, before anything is
 * signed or looked up: the query parses (Go's {@code url.ParseQuery}: {@code +} is a space, a broken escape or a
 * {@code ;} makes it malformed), no name appears twice in different case, only the parameters of a presigned
 * GetCallerIdentity appear, each once; then {@code Action}, {@code x-k8s-aws-id} among the signed headers,
 * {@code X-Amz-Expires} in 0..900 and a parseable {@code X-Amz-Date}. Names compare case-insensitively, as
 * upstream's do.
 */
final class PresignedQuery {
  static final Set<String> ALLOWED = Set.of("action", "version", "x-amz-algorithm", "x-amz-credential",
      "x-amz-date", "x-amz-expires", "x-amz-security-token", "x-amz-signature", "x-amz-signedheaders");
  static final String CLUSTER_ID_HEADER = "x-k8s-aws-id";
  private static final int MAX_EXPIRES_SECONDS = 900;

  sealed interface Check {}

  /** @param amzDate {@code X-Amz-Date} as sent; @param requestTime the same as an instant */
  record Valid(String amzDate, Instant requestTime) implements Check {}

  /** @param message upstream's text, without its {@code input token was not properly formatted: } prefix */
  record Invalid(String message) implements Check {}

  private PresignedQuery() {
  }

  static Check check(String rawQuery) {
    Map<String, List<String>> byName = parse(rawQuery);
    if (byName == null) {
      return new Invalid("malformed query parameter");
    }
    Set<String> seen = new HashSet<>();
    for (String name : byName.keySet()) {
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        return new Invalid("duplicate query parameter found: " + GoText.quote(name));
      }
    }
    // Values stay percent-encoded until needed: the session token and signature are never decoded here.
    Map<String, String> rawByLowerName = new HashMap<>();
    for (Map.Entry<String, List<String>> parameter : byName.entrySet()) {
      String name = parameter.getKey().toLowerCase(Locale.ROOT);
      if (!ALLOWED.contains(name)) {
        return new Invalid("non-whitelisted query parameter " + GoText.quote(parameter.getKey()));
      }
      if (parameter.getValue().size() != 1) {
        return new Invalid("query parameter with multiple values not supported");
      }
      rawByLowerName.put(name, parameter.getValue().get(0));
    }
    if (!"GetCallerIdentity".equals(value(rawByLowerName, "action"))) {
      return new Invalid("unexpected action parameter in pre-signed URL");
    }
    if (!signsClusterId(value(rawByLowerName, "x-amz-signedheaders"))) {
      return new Invalid("client did not sign the " + CLUSTER_ID_HEADER + " header in the pre-signed URL");
    }
    String rawExpires = value(rawByLowerName, "x-amz-expires");
    long expires = goAtoi(rawExpires);
    if (expires < 0 || expires > MAX_EXPIRES_SECONDS || !isGoInt(rawExpires)) {
      return new Invalid("invalid X-Amz-Expires parameter in pre-signed URL: " + expires);
    }
    String date = value(rawByLowerName, "x-amz-date");
    if (date.isEmpty()) {
      return new Invalid("X-Amz-Date parameter must be present in pre-signed URL");
    }
    AmzDateParameter.Parse parsed = AmzDateParameter.parse(date);
    if (parsed instanceof AmzDateParameter.Invalid invalid) {
      return new Invalid("error parsing X-Amz-Date parameter " + date + " into format " + AmzDateParameter.LAYOUT
          + ": " + invalid.message());
    }
    return new Valid(date, ((AmzDateParameter.Parsed) parsed).instant());
  }

  /** The decoded value, {@code ""} when absent (Go's {@code url.Values.Get}). */
  private static String value(Map<String, String> rawByLowerName, String lowerName) {
    String raw = rawByLowerName.get(lowerName);
    return raw == null ? "" : unescape(raw);
  }

  private static boolean signsClusterId(String signedHeaders) {
    for (String header : signedHeaders.split(";", -1)) {
      if (header.equalsIgnoreCase(CLUSTER_ID_HEADER)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Go's {@code url.ParseQuery}, with names decoded and values still encoded: decoded name → raw values in
   * arrival order, or null when any pair is malformed (Go carries on past the first error but reports it, and
   * upstream refuses on any error).
   */
  static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    int start = 0;
    while (start <= rawQuery.length()) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = rawQuery.length();
      }
      int eq = end;
      for (int i = start; i < end; i++) {
        char c = rawQuery.charAt(i);
        if (c == ';') {
          return null;
        }
        if (c == '=' && eq == end) {
          eq = i;
        }
      }
      if (end > start) {
        String name = unescape(rawQuery.substring(start, eq));
        String rawValue = eq == end ? "" : rawQuery.substring(eq + 1, end);
        if (name == null || !validEscapes(rawValue)) {
          return null;
        }
        out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(rawValue);
      }
      start = end + 1;
    }
    return out;
  }

  private static boolean validEscapes(String s) {
    for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 3)) {
      if (i + 2 >= s.length() || Rfc3986.hexValue(s.charAt(i + 1)) < 0 || Rfc3986.hexValue(s.charAt(i + 2)) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Go's {@code QueryUnescape}: {@code +} is a space; null for a broken escape. Latin-1 keeps one char per byte,
   * like the rest of the token text.
   */
  static String unescape(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    byte[] out = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || Rfc3986.hexValue(s.charAt(i + 1)) < 0 || Rfc3986.hexValue(s.charAt(i + 2)) < 0) {
          return null;
        }
        out[n++] = (byte) (Rfc3986.hexValue(s.charAt(i + 1)) << 4 | Rfc3986.hexValue(s.charAt(i + 2)));
        i += 2;
      } else {
        out[n++] = (byte) (c == '+' ? ' ' : c);
      }
    }
    return new String(out, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** Go's {@code strconv.Atoi} value: 0 for a syntax error, clamped to the int64 range when too large. */
  static long goAtoi(String s) {
    if (!isGoIntSyntax(s)) {
      return 0;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Whether {@code strconv.Atoi} succeeds (syntax and range). */
  static boolean isGoInt(String s) {
    if (!isGoIntSyntax(s)) {
      return false;
    }
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isGoIntSyntax(String s) {
    int i = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (i == s.length()) {
      return false;
    }
    for (; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
