package dev.gatehouse.kube.openapi.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code format}s kube-apiserver checks in custom resources: kube-openapi's {@code strfmt.Default} registry
 * restricted to apiextensions' supported list. Any other format (including {@code int32}, {@code int64},
 * {@code float}, {@code double}) is dropped from the schema before validation and never checked. Names are
 * normalized by removing dashes, so {@code date-time} and {@code datetime} are the same format.
 */
final class StringFormats {
  private StringFormats() {}

  private static final Set<String> SUPPORTED = Set.of("bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6",
      "cidr", "mac", "uuid", "uuid3", "uuid4", "uuid5", "isbn", "isbn10", "isbn13", "creditcard", "ssn", "hexcolor",
      "rgbcolor", "byte", "password", "date", "duration", "datetime");

  private static final Pattern HOSTNAME = Pattern.compile("^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)"
      + "|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}"
      + "([a-zA-Z\\p{L}]){2,63})\\z");
  private static final Pattern UUID = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\\z");
  private static final Pattern UUID3 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}\\z");
  private static final Pattern UUID4 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}\\z");
  private static final Pattern UUID5 = Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}\\z");
  private static final Pattern CREDIT_CARD = Pattern.compile("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}"
      + "|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11})\\z");
  private static final Pattern ISBN10 = Pattern.compile("^(?:[0-9]{9}X|[0-9]{10})\\z");
  private static final Pattern ISBN13 = Pattern.compile("^(?:[0-9]{13})\\z");
  private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}\\z");
  private static final Pattern HEX_COLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\z");
  private static final String BYTE = "(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])";
  private static final String SP = "[\\t\\n\\f\\r ]*";
  private static final Pattern RGB_COLOR = Pattern.compile("^rgb\\(" + SP + BYTE + SP + "," + SP + BYTE + SP + ","
      + SP + BYTE + SP + "\\)\\z");
  private static final Pattern BASE64 = Pattern.compile(
      "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})\\z");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern DATE_TIME_TAIL = Pattern.compile(
      "^([0-9]{2}):([0-9]{2}):([0-9]{2})([^\\n][0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))\\z");
  private static final Pattern DURATION_PART = Pattern.compile("((\\d+)[\\t\\n\\f\\r ]*([A-Za-zµ]+))");
  private static final Pattern WHITESPACE_AND_MINUS = Pattern.compile("[\\t\\n\\f\\r -]+");
  private static final Pattern EMAIL_ADDR = Pattern.compile(
      "(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|\"(?:[^\"\\\\\\r\\n]|\\\\.)*\")"
          + "@(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|\\[[^\\[\\]\\\\]*\\])");
  private static final Pattern EMAIL_NAMED = Pattern.compile("^[^<>]*<(.*)>[\\t ]*\\z");

  private static final Map<String, Predicate<String>> VALIDATORS = Map.ofEntries(
      Map.entry("bsonobjectid", s -> s.length() == 24 && s.chars().allMatch(StringFormats::isHex)),
      Map.entry("uri", StringFormats::isRequestUri),
      Map.entry("email", StringFormats::isEmail),
      Map.entry("hostname", StringFormats::isHostname),
      Map.entry("ipv4", s -> IpAddresses.parse(s, true) != null && s.contains(".")),
      Map.entry("ipv6", s -> IpAddresses.parse(s, false) != null && s.contains(":")),
      Map.entry("cidr", IpAddresses::isCidr),
      Map.entry("mac", IpAddresses::isMac),
      Map.entry("uuid", s -> UUID.matcher(s).find()),
      Map.entry("uuid3", s -> UUID3.matcher(s).find()),
      Map.entry("uuid4", s -> UUID4.matcher(s).find()),
      Map.entry("uuid5", s -> UUID5.matcher(s).find()),
      Map.entry("isbn", s -> isIsbn(s, 10) || isIsbn(s, 13)),
      Map.entry("isbn10", s -> isIsbn(s, 10)),
      Map.entry("isbn13", s -> isIsbn(s, 13)),
      Map.entry("creditcard", StringFormats::isCreditCard),
      Map.entry("ssn", s -> s.length() == 11 && SSN.matcher(s).find()),
      Map.entry("hexcolor", s -> HEX_COLOR.matcher(s).find()),
      Map.entry("rgbcolor", s -> RGB_COLOR.matcher(s).find()),
      Map.entry("byte", s -> BASE64.matcher(s).find()),
      Map.entry("password", s -> true),
      Map.entry("date", StringFormats::isDate),
      Map.entry("duration", StringFormats::isDuration),
      Map.entry("datetime", StringFormats::isDateTime));

  /** The format the validator sees: the schema's, or empty when apiextensions strips it as unsupported. */
  static String effective(String format) {
    return format.isEmpty() || !SUPPORTED.contains(normalize(format)) ? "" : format;
  }

  /** Whether the registry knows the (effective) format; formats outside the registry are not checked. */
  static boolean known(String format) {
    return !format.isEmpty() && VALIDATORS.containsKey(normalize(format));
  }

  static boolean validates(String format, String value) {
    return VALIDATORS.get(normalize(format)).test(value);
  }

  private static String normalize(String name) {
    return name.replace("-", "");
  }

  private static boolean isHex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** Go's {@code time.Parse("2006-01-02", s)}: fixed widths, real calendar dates. */
  static boolean isDate(String s) {
    Matcher m = DATE.matcher(s);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** strfmt's {@code IsDateTime}: split at any {@code t}, a date, then hh:mm:ss[.frac](z|±hh:mm) compared as text. */
  private static boolean isDateTime(String s) {
    if (s.length() < 4) {
      return false;
    }
    String[] parts = s.toLowerCase(Locale.ROOT).split("t", -1);
    if (parts.length < 2 || !isDate(parts[0])) {
      return false;
    }
    Matcher m = DATE_TIME_TAIL.matcher(parts[1]);
    return m.find() && m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0
        && m.group(3).compareTo("59") <= 0;
  }

  /** strfmt's {@code ParseDuration}: Go's {@code time.ParseDuration}, else "N unit" pairs with loose unit names. */
  private static boolean isDuration(String s) {
    if (GoDurations.isGoDuration(s)) {
      return true;
    }
    boolean ok = false;
    Matcher m = DURATION_PART.matcher(s);
    while (m.find()) {
      if (m.group(2).length() > 18) {
        return false; // strconv.Atoi overflow is an error
      }
      String unit = m.group(3).trim().toLowerCase(Locale.ROOT);
      for (String[] variants : GoDurations.UNIT_VARIANTS) {
        for (int i = 0; i < variants.length; i++) {
          boolean last = i == variants.length - 1;
          if (last && unit.startsWith(variants[i]) || variants[i].equalsIgnoreCase(unit)) {
            ok = true;
          }
        }
      }
    }
    return ok;
  }

  private static boolean isIsbn(String s, int version) {
    String sanitized = WHITESPACE_AND_MINUS.matcher(s).replaceAll("");
    if (version == 10) {
      if (!ISBN10.matcher(sanitized).find()) {
        return false;
      }
      int checksum = 0;
      for (int i = 0; i < 9; i++) {
        checksum += (i + 1) * (sanitized.charAt(i) - '0');
      }
      checksum += sanitized.charAt(9) == 'X' ? 100 : 10 * (sanitized.charAt(9) - '0');
      return checksum % 11 == 0;
    }
    if (!ISBN13.matcher(sanitized).find()) {
      return false;
    }
    int checksum = 0;
    for (int i = 0; i < 12; i++) {
      checksum += (i % 2 == 0 ? 1 : 3) * (sanitized.charAt(i) - '0');
    }
    return (sanitized.charAt(12) - '0') - ((10 - checksum % 10) % 10) == 0;
  }

  private static boolean isCreditCard(String s) {
    String sanitized = s.replaceAll("[^0-9]+", "");
    if (!CREDIT_CARD.matcher(sanitized).find()) {
      return false;
    }
    int sum = 0;
    boolean doubleIt = false;
    for (int i = sanitized.length() - 1; i >= 0; i--) {
      int digit = sanitized.charAt(i) - '0';
      if (doubleIt) {
        digit *= 2;
        sum += digit >= 10 ? digit % 10 + 1 : digit;
      } else {
        sum += digit;
      }
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  /** strfmt's {@code IsHostname}: the pattern, at most 255 bytes, labels at most 63 bytes. */
  private static boolean isHostname(String s) {
    if (!HOSTNAME.matcher(s).find() || utf8Length(s) > 255) {
      return false;
    }
    for (String part : s.split("\\.", -1)) {
      if (utf8Length(part) > 63) {
        return false;
      }
    }
    return true;
  }

  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /**
   * An approximation of Go's {@code net/mail.ParseAddress}: a bare {@code local@domain} or
   * {@code Name <local@domain>}, local part a dot-atom or quoted string, domain a dot-atom or literal.
   */
  private static boolean isEmail(String s) {
    String addr = s.trim();
    Matcher named = EMAIL_NAMED.matcher(addr);
    if (named.find()) {
      addr = named.group(1);
    }
    return EMAIL_ADDR.matcher(addr).matches();
  }

  /** Go's {@code url.ParseRequestURI}: an absolute URI or an absolute path, no control characters or bad escapes. */
  private static boolean isRequestUri(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
      if (c == '%' && (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2)))) {
        return false;
      }
    }
    String rest = s;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    if (rest.startsWith("/")) {
      return authorityOk(rest);
    }
    int colon = rest.indexOf(':');
    if (colon <= 0 || !Character.isLetter(rest.charAt(0)) || rest.charAt(0) > 127) {
      return false;
    }
    for (int i = 1; i < colon; i++) {
      char c = rest.charAt(i);
      if (!(c < 128 && Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return authorityOk(rest.substring(colon + 1));
  }

  /** For {@code //host:port/...}: the port, if any, must be numeric. */
  private static boolean authorityOk(String afterScheme) {
    if (!afterScheme.startsWith("//")) {
      return true;
    }
    String authority = afterScheme.substring(2);
    int slash = authority.indexOf('/');
    if (slash >= 0) {
      authority = authority.substring(0, slash);
    }
    int query = authority.indexOf('?');
    if (query >= 0) {
      authority = authority.substring(0, query);
    }
    int at = authority.lastIndexOf('@');
    String host = at >= 0 ? authority.substring(at + 1) : authority;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        return false;
      }
      host = host.substring(close + 1);
      return host.isEmpty() || host.startsWith(":") && host.substring(1).chars().allMatch(Character::isDigit);
    }
    int colon = host.indexOf(':');
    return colon < 0 || host.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
