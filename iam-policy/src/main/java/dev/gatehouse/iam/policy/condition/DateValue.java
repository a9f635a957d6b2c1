package dev.gatehouse.iam.policy.condition;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Date condition values: ISO 8601 ({@code 2024-05-01}, {@code 2024-05-01T12:00:00Z}, fractions, offsets) or epoch
 * seconds ({@code 1714564800}), as instants in epoch milliseconds. Hand-written so that no regex or exception runs
 * for well-formed input.
 */
public final class DateValue {
  private DateValue() {}

  /** Epoch milliseconds, or null when the text is neither an ISO 8601 date/time nor epoch seconds. */
  public static Long parse(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (isEpoch(text)) {
      return epochMillis(text);
    }
    return isoMillis(text);
  }

  private static boolean isEpoch(String s) {
    int i = s.charAt(0) == '-' ? 1 : 0;
    boolean digits = false;
    boolean dot = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  private static Long epochMillis(String s) {
    try {
      return new java.math.BigDecimal(s).movePointRight(3).setScale(0, java.math.RoundingMode.FLOOR)
          .longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static Long isoMillis(String s) {
    Cursor c = new Cursor(s);
    int year = c.digits(4, 9);
    int month = 1;
    int day = 1;
    if (year < 0) {
      return null;
    }
    if (c.take('-')) {
      month = c.digits(2, 2);
      if (month < 0) {
        return null;
      }
      if (c.take('-')) {
        day = c.digits(2, 2);
        if (day < 0) {
          return null;
        }
      }
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    int offsetSeconds = 0;
    if (c.take('T') || c.take('t')) {
      hour = c.digits(1, 2);
      if (hour < 0) {
        return null;
      }
      if (c.take(':')) {
        minute = c.digits(2, 2);
        if (minute < 0) {
          return null;
        }
        if (c.take(':')) {
          second = c.digits(1, 2);
          if (second < 0) {
            return null;
          }
          if (c.take('.')) {
            int start = c.pos;
            int fraction = c.digits(1, 9);
            if (fraction < 0) {
              return null;
            }
            nanos = fraction * (int) Math.pow(10, 9 - (c.pos - start));
          }
        }
      }
      if (c.take('Z') || c.take('z')) {
        offsetSeconds = 0;
      } else if (c.peek('+') || c.peek('-')) {
        int sign = c.take('+') ? 1 : c.take('-') ? -1 : 0;
        int oh = c.digits(2, 2);
        if (oh < 0) {
          return null;
        }
        int om = 0;
        if (c.take(':') || !c.atEnd()) {
          om = c.digits(2, 2);
          if (om < 0) {
            return null;
          }
        }
        offsetSeconds = sign * (oh * 3600 + om * 60);
      }
    }
    if (!c.atEnd()) {
      return null;
    }
    try {
      LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      return t.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds)).toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos == s.length();
    }

    boolean peek(char c) {
      return pos < s.length() && s.charAt(pos) == c;
    }

    boolean take(char c) {
      if (peek(c)) {
        pos++;
        return true;
      }
      return false;
    }

    /** Reads min..max decimal digits; -1 if fewer than min. */
    int digits(int min, int max) {
      int start = pos;
      int value = 0;
      while (pos < s.length() && pos - start < max) {
        char c = s.charAt(pos);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
        pos++;
      }
      return pos - start < min ? -1 : value;
    }
  }
}
