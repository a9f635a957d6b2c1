package dev.gatehouse.eks.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
    Set<String> seen = new java.util.HashSet<>();
    for (String name : byName.keySet()) {
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        return new Invalid("duplicate query parameter found: " + GoQuote.quote(name));
      }
    }
    Map<String, String> lower = new HashMap<>();
    for (Map.Entry<String, List<String>> parameter : byName.entrySet()) {
      String name = parameter.getKey().toLowerCase(Locale.ROOT);
      if (!ALLOWED.contains(name)) {
        return new Invalid("non-whitelisted query parameter " + GoQuote.quote(parameter.getKey()));
      }
      if (parameter.getValue().size() != 1) {
        return new Invalid("query parameter with multiple values not supported");
      }
      lower.put(name, parameter.getValue().get(0));
    }
    if (!"GetCallerIdentity".equals(lower.get("action"))) {
      return new Invalid("unexpected action parameter in pre-signed URL");
    }
    if (!signsClusterId(lower.getOrDefault("x-amz-signedheaders", ""))) {
      return new Invalid("client did not sign the " + CLUSTER_ID_HEADER + " header in the pre-signed URL");
    }
    long expires = goAtoi(lower.getOrDefault("x-amz-expires", ""));
    if (expires < 0 || expires > MAX_EXPIRES_SECONDS || !isGoInt(lower.getOrDefault("x-amz-expires", ""))) {
      return new Invalid("invalid X-Amz-Expires parameter in pre-signed URL: " + expires);
    }
    String date = lower.getOrDefault("x-amz-date", "");
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

  private static boolean signsClusterId(String signedHeaders) {
    for (String header : signedHeaders.split(";", -1)) {
      if (header.equalsIgnoreCase(CLUSTER_ID_HEADER)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Go's {@code url.ParseQuery}: decoded name → values in arrival order, or null when any pair is malformed
   * (Go carries on past the first error but reports it, and upstream refuses on any error).
   */
  static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    int start = 0;
    while (start <= rawQuery.length()) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = rawQuery.length();
      }
      String pair = rawQuery.substring(start, end);
      start = end + 1;
      if (pair.indexOf(';') >= 0) {
        return null;
      }
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = unescape(eq < 0 ? pair : pair.substring(0, eq));
      String value = unescape(eq < 0 ? "" : pair.substring(eq + 1));
      if (name == null || value == null) {
        return null;
      }
      out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    return out;
  }

  /** Go's {@code QueryUnescape}: {@code +} is a space; null for a broken escape. */
  private static String unescape(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || PresignedUrl.hex(s.charAt(i + 1)) < 0 || PresignedUrl.hex(s.charAt(i + 2)) < 0) {
          return null;
        }
        bytes.write(PresignedUrl.hex(s.charAt(i + 1)) << 4 | PresignedUrl.hex(s.charAt(i + 2)));
        i += 2;
      } else {
        bytes.write(c == '+' ? ' ' : c);
      }
    }
    // Latin-1 keeps one char per byte, like the rest of the token text.
    return bytes.toString(StandardCharsets.ISO_8859_1);
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
