package dev.gatehouse.kube.openapi.validation;

import java.util.Optional;
import java.util.Set;

/**
 * The errors of apimachinery's {@code resource.ParseQuantity}, which {@code Quantity.UnmarshalJSON} returns as-is
 * (so they abort decoding and are not "cannot unmarshal" errors). This is a port of the scanner
 * ({@code parseQuantityString}) and the suffix lookup; the rare {@code unable to parse numeric part of quantity}
 * (arbitrary-precision overflow paths) is not reproduced.
 */
final class QuantityParser {
  static final String ERR_FORMAT_WRONG =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  static final String ERR_SUFFIX = "unable to parse quantity's suffix";

  private static final String SUFFIX_CHARS = "eEinumkKMGTP";
  private static final Set<String> KNOWN_SUFFIXES =
      Set.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");

  private QuantityParser() {}

  /** What {@code Quantity.UnmarshalJSON} does with a raw JSON value: strip one pair of quotes, trim, parse. */
  static Optional<String> unmarshalError(String rawJson) {
    String value = rawJson;
    if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
      value = value.substring(1, value.length() - 1);
    }
    return parseError(value.strip());
  }

  static Optional<String> parseError(String str) {
    if (str.isEmpty()) {
      return Optional.of(ERR_FORMAT_WRONG);
    }
    int end = str.length();
    int pos = 0;
    if (str.charAt(0) == '-' || str.charAt(0) == '+') {
      pos++;
    }
    while (pos < end && str.charAt(pos) == '0') {
      pos++;
    }
    while (pos < end && isDigit(str.charAt(pos))) {
      pos++;
    }
    if (pos >= end) {
      return Optional.empty();
    }
    if (str.charAt(pos) == '.') {
      pos++;
      while (pos < end && isDigit(str.charAt(pos))) {
        pos++;
      }
      if (pos >= end) {
        return Optional.empty();
      }
    }
    int suffixStart = pos;
    while (pos < end && SUFFIX_CHARS.indexOf(str.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(str.charAt(pos))) {
      pos++;
    }
    if (pos < end) {
      return Optional.of(ERR_FORMAT_WRONG);
    }
    return isKnownSuffix(str.substring(suffixStart)) ? Optional.empty() : Optional.of(ERR_SUFFIX);
  }

  /** quantitySuffixer.interpret: SI and binary suffixes, or e/E followed by a 64-bit integer. */
  private static boolean isKnownSuffix(String suffix) {
    if (KNOWN_SUFFIXES.contains(suffix)) {
      return true;
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      try {
        Long.parseLong(suffix.substring(1));
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
