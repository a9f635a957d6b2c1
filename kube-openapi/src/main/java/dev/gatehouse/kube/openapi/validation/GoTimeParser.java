package dev.gatehouse.kube.openapi.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The errors of Go's {@code time.Parse} for the two layouts metav1 uses, {@code time.RFC3339} (Time) and
 * {@code metav1.RFC3339Micro} (MicroTime). It follows the general parser of Go's {@code time/format.go} chunk by
 * chunk, on UTF-8 bytes as Go does, so the messages match: {@code parsing time "x" as
 * "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"}, {@code parsing time "...": month out of range}.
 */
final class GoTimeParser {
  static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
  static final String RFC3339_MICRO = "2006-01-02T15:04:05.000000Z07:00";

  private enum Std { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MICROS, ZONE }

  /** A layout chunk: literal text to skip, then one element to parse. */
  private record Chunk(String prefix, Std std, String layoutText) {}

  private static final List<Chunk> RFC3339_CHUNKS = List.of(
      new Chunk("", Std.YEAR, "2006"), new Chunk("-", Std.MONTH, "01"), new Chunk("-", Std.DAY, "02"),
      new Chunk("T", Std.HOUR, "15"), new Chunk(":", Std.MINUTE, "04"), new Chunk(":", Std.SECOND, "05"),
      new Chunk("", Std.ZONE, "Z07:00"));
  private static final List<Chunk> RFC3339_MICRO_CHUNKS = List.of(
      new Chunk("", Std.YEAR, "2006"), new Chunk("-", Std.MONTH, "01"), new Chunk("-", Std.DAY, "02"),
      new Chunk("T", Std.HOUR, "15"), new Chunk(":", Std.MINUTE, "04"), new Chunk(":", Std.SECOND, "05"),
      new Chunk("", Std.MICROS, ".000000"), new Chunk("", Std.ZONE, "Z07:00"));

  /** Thrown internally for Go's errBad/errAtoi. */
  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;

    Bad() {
      super(null, null, false, false);
    }
  }

  private GoTimeParser() {}

  /** The {@code time.Parse(layout, value)} error message, or empty when Go would accept the value. */
  static Optional<String> parseError(String layout, String value) {
    List<Chunk> chunks = layout.equals(RFC3339) ? RFC3339_CHUNKS : RFC3339_MICRO_CHUNKS;
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    int pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    for (int c = 0; c < chunks.size(); c++) {
      Chunk chunk = chunks.get(c);
      for (int i = 0; i < chunk.prefix().length(); i++) {
        if (pos >= v.length || v[pos] != chunk.prefix().charAt(i)) {
          return Optional.of(cannotParse(layout, value, rest(v, pos), chunk.prefix()));
        }
        pos++;
      }
      int hold = pos;
      String range = null;
      try {
        switch (chunk.std()) {
          case YEAR:
            if (v.length - pos < 4 || !isDigit(v, pos)) {
              throw new Bad();
            }
            year = atoi(v, pos, pos + 4);
            pos += 4;
            break;
          case MONTH:
            month = getnum(v, pos, true);
            pos += 2;
            if (month <= 0 || month > 12) {
              range = "month";
            }
            break;
          case DAY:
            day = getnum(v, pos, true);
            pos += 2;
            break;
          case HOUR:
            int hour = getnum(v, pos, false);
            pos += isDigit(v, pos + 1) ? 2 : 1;
            if (hour >= 24) {
              range = "hour";
            }
            break;
          case MINUTE:
            int minute = getnum(v, pos, true);
            pos += 2;
            if (minute >= 60) {
              range = "minute";
            }
            break;
          case SECOND:
            int second = getnum(v, pos, true);
            pos += 2;
            if (second >= 60) {
              range = "second";
              break;
            }
            boolean layoutHasFraction = c + 1 < chunks.size() && chunks.get(c + 1).std() == Std.MICROS;
            if (!layoutHasFraction && v.length - pos >= 2 && isCommaOrPeriod(v[pos]) && isDigit(v, pos + 1)) {
              // Go accepts fractional seconds the layout does not mention.
              int n = pos + 2;
              while (n < v.length && isDigit(v, n)) {
                n++;
              }
              pos = n;
            }
            break;
          case MICROS:
            if (v.length - pos < 7 || !isCommaOrPeriod(v[pos])) {
              throw new Bad();
            }
            int micros = atoi(v, pos + 1, pos + 7);
            pos += 7;
            if (micros < 0) {
              range = "fractional second";
            }
            break;
          case ZONE:
            range = parseZone(v, pos);
            pos = v[pos] == 'Z' ? pos + 1 : pos + 6;
            break;
          default:
            throw new IllegalStateException(chunk.std().name());
        }
      } catch (Bad bad) {
        return Optional.of(cannotParse(layout, value, rest(v, hold), chunk.layoutText()));
      }
      if (range != null) {
        return Optional.of("parsing time " + quote(value) + ": " + range + " out of range");
      }
    }
    if (pos < v.length) {
      return Optional.of("parsing time " + quote(value) + ": extra text: " + quote(rest(v, pos)));
    }
    if (day < 1 || day > daysIn(month, year)) {
      return Optional.of("parsing time " + quote(value) + ": day out of range");
    }
    return Optional.empty();
  }

  /**
   * Z, or ±hh:mm. Returns a range error name or null; throws for malformed input. As in Go, a range error wins
   * over a bad sign, and the minute range check overrides the hour one.
   */
  private static String parseZone(byte[] v, int pos) throws Bad {
    if (pos < v.length && v[pos] == 'Z') {
      return null;
    }
    if (v.length - pos < 6 || v[pos + 3] != ':') {
      throw new Bad();
    }
    int hours = 0;
    int minutes = 0;
    boolean bad = false;
    try {
      hours = getnum(v, pos + 1, true);
      minutes = getnum(v, pos + 4, true);
    } catch (Bad e) {
      bad = true;
    }
    String range = null;
    if (hours > 24) {
      range = "time zone offset hour";
    }
    if (minutes > 60) {
      range = "time zone offset minute";
    }
    if (range != null) {
      return range;
    }
    if (bad || (v[pos] != '+' && v[pos] != '-')) {
      throw new Bad();
    }
    return null;
  }

  /** Go's getnum: one or (fixed: exactly) two leading digits. Only the two-digit fields reach here. */
  private static int getnum(byte[] v, int pos, boolean fixed) throws Bad {
    if (!isDigit(v, pos)) {
      throw new Bad();
    }
    if (!isDigit(v, pos + 1)) {
      if (fixed) {
        throw new Bad();
      }
      return v[pos] - '0';
    }
    return (v[pos] - '0') * 10 + (v[pos + 1] - '0');
  }

  /** Go's atoi on v[from:to]: optional sign then digits only. */
  private static int atoi(byte[] v, int from, int to) throws Bad {
    int i = from;
    boolean negative = false;
    if (i < to && (v[i] == '-' || v[i] == '+')) {
      negative = v[i] == '-';
      i++;
    }
    if (i == to) {
      throw new Bad();
    }
    int n = 0;
    for (; i < to; i++) {
      if (!isDigit(v, i)) {
        throw new Bad();
      }
      n = n * 10 + (v[i] - '0');
    }
    return negative ? -n : n;
  }

  private static boolean isDigit(byte[] v, int i) {
    return i < v.length && v[i] >= '0' && v[i] <= '9';
  }

  private static boolean isCommaOrPeriod(byte b) {
    return b == '.' || b == ',';
  }

  private static int daysIn(int month, int year) {
    switch (month) {
      case 2:
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static String cannotParse(String layout, String value, byte[] valueElem, String layoutElem) {
    return "parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse " + quote(valueElem) + " as "
        + quote(layoutElem);
  }

  /** The bytes from {@code pos} on, kept as bytes because Go may cut a multi-byte character. */
  private static byte[] rest(byte[] v, int pos) {
    return java.util.Arrays.copyOfRange(v, pos, v.length);
  }

  static String quote(String s) {
    return quote(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The time package's own quote: ASCII kept, other bytes as {@code \xNN}. */
  static String quote(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c >= 0x80 || c < ' ') {
        out.append(String.format("\\x%02x", c));
      } else {
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append((char) c);
      }
    }
    return out.append('"').toString();
  }
}
