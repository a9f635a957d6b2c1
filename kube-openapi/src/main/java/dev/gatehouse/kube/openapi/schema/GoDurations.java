package dev.gatehouse.kube.openapi.schema;

import java.math.BigDecimal;
import java.util.Map;

/** Go's {@code time.ParseDuration} grammar, {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}, with its overflow limit. */
final class GoDurations {
  private GoDurations() {}

  /** strfmt's loose unit names, first entry canonical; the last variant also matches as a prefix. */
  static final String[][] UNIT_VARIANTS = {
      {"ns", "nano"}, {"us", "µs", "micro"}, {"ms", "milli"}, {"s", "sec"}, {"m", "min"}, {"h", "hr", "hour"},
      {"d", "day"}, {"w", "wk", "week"}};

  private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
      "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  static boolean isGoDuration(String orig) {
    String s = orig;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return true;
    }
    if (s.isEmpty()) {
      return false;
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || c >= '0' && c <= '9')) {
        return false;
      }
      int start = i;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      boolean pre = i > start;
      String number = s.substring(start, i);
      boolean post = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        post = i > fracStart;
        number = number + "." + s.substring(fracStart, i);
      }
      if (!pre && !post) {
        return false;
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
        i++;
      }
      Long unit = UNITS.get(s.substring(unitStart, i));
      if (unit == null) {
        return false;
      }
      String digits = number.startsWith(".") ? "0" + number : number.endsWith(".") ? number + "0" : number;
      total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(unit)));
    }
    BigDecimal limit = negative ? MAX_NANOS.add(BigDecimal.ONE) : MAX_NANOS;
    return total.compareTo(limit) <= 0;
  }
}
