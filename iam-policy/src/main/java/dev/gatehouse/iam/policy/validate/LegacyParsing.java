package dev.gatehouse.iam.policy.validate;

import dev.gatehouse.iam.policy.json.JsonValue;
import dev.gatehouse.iam.policy.json.JsonValue.JsonArray;
import dev.gatehouse.iam.policy.json.JsonValue.JsonObject;
import dev.gatehouse.iam.policy.json.JsonValue.JsonString;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * IAM's older parser, whose failures surface as "The policy failed legacy parsing": the exact case of Effect, the
 * shape of Date condition values, and a few malformed-ARN shapes in Resource. The date rules are deliberately
 * loose (month 1–12, day 1–31, no calendar check), mirroring what IAM accepts at put time; evaluation parses
 * dates properly and a value that passes here but is not a real date simply never matches.
 */
final class LegacyParsing {
  private static final BigInteger MAX_EPOCH = BigInteger.valueOf(Long.MAX_VALUE);

  private LegacyParsing() {}

  /** Effect case and Date condition values of one statement. */
  static boolean statement(JsonObject st) {
    String effect = ((JsonString) st.get("Effect")).value();
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      return false;
    }
    if (!(st.get("Condition") instanceof JsonObject block)) {
      return true;
    }
    for (Map.Entry<String, JsonValue> op : block.members().entrySet()) {
      if (!strippedOperator(op.getKey()).startsWith("Date")) {
        continue;
      }
      for (JsonValue value : ((JsonObject) op.getValue()).members().values()) {
        if (!dateValue(value)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The resource shapes the legacy parser rejects: "::" in an ARN of fewer than six parts, an empty service. */
  static boolean resource(String resource) {
    if (resource.isEmpty() || resource.equals("*")) {
      return true;
    }
    long colons = resource.chars().filter(c -> c == ':').count();
    if (colons < 5 && resource.contains("::")) {
      return false;
    }
    String[] parts = resource.split(":", -1);
    return parts.length > 2 && !parts[2].isEmpty();
  }

  private static String strippedOperator(String name) {
    String rest = name;
    if (rest.startsWith("ForAnyValue:")) {
      rest = rest.substring("ForAnyValue:".length());
    } else if (rest.startsWith("ForAllValues:")) {
      rest = rest.substring("ForAllValues:".length());
    }
    return rest.endsWith("IfExists") ? rest.substring(0, rest.length() - "IfExists".length()) : rest;
  }

  private static boolean dateValue(JsonValue value) {
    if (value instanceof JsonArray list) {
      for (JsonValue item : list.items()) {
        if (!(item instanceof JsonString || item instanceof JsonValue.JsonNumber) || !dateText(
            JsonValue.scalarText(item))) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof JsonString || value instanceof JsonValue.JsonNumber) {
      return dateText(JsonValue.scalarText(value));
    }
    return false;
  }

  /** An ISO 8601-ish date/time (anything with "t" or "-") or an epoch-seconds integer within 0..2^63-1. */
  static boolean dateText(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.indexOf('t') >= 0 || lower.indexOf('-') >= 0) {
      return isoDateTime(lower);
    }
    BigInteger n = integer(text);
    return n != null && n.signum() >= 0 && n.compareTo(MAX_EPOCH) <= 0;
  }

  private static boolean isoDateTime(String s) {
    int t = s.indexOf('t');
    String datePart = t < 0 ? s : s.substring(0, t);
    String timePart = t < 0 ? "" : s.substring(t + 1);
    boolean negativeYear = datePart.startsWith("-");
    String[] date = (negativeYear ? datePart.substring(1) : datePart).split("-", -1);
    if (date.length > 3) {
      return false;
    }
    if (!inRange((negativeYear ? "-" : "") + date[0], -292275054, 292278993)) {
      return false;
    }
    if (date.length > 1 && !inRange(date[1], 1, 12)) {
      return false;
    }
    if (date.length > 2 && !inRange(date[2], 1, 31)) {
      return false;
    }
    String[] time = timePart.split(":", -1);
    if (!time[0].isEmpty() && !inRange(time[0], 0, 23)) {
      return false;
    }
    if (time.length > 1 && !inRange(time[1], 0, 59)) {
      return false;
    }
    if (time.length > 2) {
      return seconds(time[2]);
    }
    return true;
  }

  /** Seconds with optional fraction and zone: "05", "05.123z", "05.5+01" (the zone's minutes follow a colon). */
  private static boolean seconds(String s) {
    String secondsWithFraction = s;
    int z = s.indexOf('z');
    int sign = Math.max(s.indexOf('+'), s.indexOf('-'));
    if (z >= 0) {
      if (z != s.length() - 1) {
        return false;
      }
      secondsWithFraction = s.substring(0, z);
    } else if (sign >= 0) {
      secondsWithFraction = s.substring(0, sign);
      String hours = s.substring(sign + 1);
      if (hours.length() != 2 || !inRange(hours, 0, 23)) {
        return false;
      }
    }
    int dot = secondsWithFraction.indexOf('.');
    String whole = dot < 0 ? secondsWithFraction : secondsWithFraction.substring(0, dot);
    if (!inRange(whole, 0, 59)) {
      return false;
    }
    return dot < 0 || inRange(secondsWithFraction.substring(dot + 1), 0, 999_999_999);
  }

  private static boolean inRange(String text, long min, long max) {
    BigInteger n = integer(text);
    return n != null && n.compareTo(BigInteger.valueOf(min)) >= 0 && n.compareTo(BigInteger.valueOf(max)) <= 0;
  }

  /** An integer the way a lenient parser reads it: surrounding blanks, an optional sign, digits. */
  private static BigInteger integer(String text) {
    String s = text.strip();
    int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    if (start == s.length()) {
      return null;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    return new BigInteger(s.startsWith("+") ? s.substring(1) : s);
  }
}
