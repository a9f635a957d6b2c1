package dev.gatehouse.aws.sigv4;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** SigV4 timestamps: ISO-8601 basic format in UTC, {@code 20150830T123600Z}. */
final class AmzDate {
  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

  private AmzDate() {
  }

  static Optional<Instant> parse(String value) {
    if (value.length() != 16) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(value, BASIC).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code Date} header fallback: ISO-8601 basic as AWS documents it, or an RFC 1123 HTTP date, which is
   * converted to basic format for the string to sign.
   */
  static Optional<String> fromDateHeader(String value) {
    String trimmed = value.trim();
    if (parse(trimmed).isPresent()) {
      return Optional.of(trimmed);
    }
    try {
      Instant instant = DateTimeFormatter.RFC_1123_DATE_TIME.parse(trimmed, Instant::from);
      return Optional.of(format(instant));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static String format(Instant instant) {
    return BASIC.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }
}
