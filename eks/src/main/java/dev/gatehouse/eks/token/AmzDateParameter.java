package dev.gatehouse.eks.token;

import dev.gatehouse.kube.authn.tokens.serviceaccount.GoText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code X-Amz-Date} read as aws-iam-authenticator reads it, Go's {@code time.Parse("20060102T150405Z", v)},
 * with Go's error texts ({@code parsing time "x" as "20060102T150405Z": cannot parse "x" as "2006"},
 * {@code parsing time "…": month out of range}), and printed as Go prints a UTC time.
 */
final class AmzDateParameter {
  static final String LAYOUT = "20060102T150405Z";
  private static final DateTimeFormatter GO_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss '+0000 UTC'")
      .withZone(ZoneOffset.UTC);
  /** The layout's elements: number widths, or a literal character. */
  private static final String[] ELEMENTS = {"2006", "01", "02", "T", "15", "04", "05", "Z"};

  sealed interface Parse {}

  record Parsed(Instant instant) implements Parse {}

  record Invalid(String message) implements Parse {}

  private AmzDateParameter() {
  }

  static Parse parse(String value) {
    int[] numbers = new int[6];
    int n = 0;
    int pos = 0;
    for (String element : ELEMENTS) {
      String rest = value.substring(pos);
      if (element.length() == 1) {
        if (!rest.startsWith(element)) {
          return cannotParse(value, rest, element);
        }
        pos += 1;
        continue;
      }
      int width = element.length();
      if (rest.length() < width || !digits(rest, width)) {
        return cannotParse(value, rest, element);
      }
      numbers[n++] = Integer.parseInt(rest, 0, width, 10);
      pos += width;
    }
    if (pos < value.length()) {
      return new Invalid("parsing time " + GoText.quote(value) + ": extra text: "
          + GoText.quote(value.substring(pos)));
    }
    String range = numbers[1] < 1 || numbers[1] > 12 ? "month"
        : numbers[3] > 23 ? "hour"
        : numbers[4] > 59 ? "minute"
        : numbers[5] > 59 ? "second"
        : null;
    if (range == null) {
      try {
        return new Parsed(LocalDateTime.of(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
            .toInstant(ZoneOffset.UTC));
      } catch (DateTimeException e) {
        range = "day";
      }
    }
    return new Invalid("parsing time " + GoText.quote(value) + ": " + range + " out of range");
  }

  /** {@code 2019-12-16 00:00:00 +0000 UTC}, as Go's {@code time.Time.String()} shows a UTC time. */
  static String goString(Instant instant) {
    return GO_UTC.format(instant);
  }

  private static boolean digits(String s, int count) {
    for (int i = 0; i < count; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Invalid cannotParse(String value, String rest, String element) {
    return new Invalid("parsing time " + GoText.quote(value) + " as " + GoText.quote(LAYOUT) + ": cannot parse "
        + GoText.quote(rest) + " as " + GoText.quote(element));
  }
}
