package dev.gatehouse.aws.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as SigV4 needs it: every byte outside the RFC 3986 unreserved set
 * ({@code A-Za-z0-9-_.~}) becomes {@code %XY} with upper-case hex. Decoding treats {@code +} as a literal plus
 * (clients send {@code %20} for a space in signed query strings).
 */
public final class Rfc3986 {
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

  private Rfc3986() {
  }

  static boolean isUnreserved(int b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
        || b == '-' || b == '_' || b == '.' || b == '~';
  }

  /** Encodes the UTF-8 bytes of {@code s}; with {@code keepSlash} a {@code /} stays as is (for paths). */
  static String encode(String s, boolean keepSlash) {
    if (isPlainAscii(s, keepSlash)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    encode(s.getBytes(StandardCharsets.UTF_8), keepSlash, out);
    return out.toString();
  }

  static void encode(byte[] bytes, boolean keepSlash, StringBuilder out) {
    for (byte value : bytes) {
      int b = value & 0xff;
      if (isUnreserved(b) || (keepSlash && b == '/')) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX_UPPER[b >>> 4]).append(HEX_UPPER[b & 0xf]);
      }
    }
  }

  private static boolean isPlainAscii(String s, boolean keepSlash) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(isUnreserved(c) || (keepSlash && c == '/'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Percent-decodes to bytes without interpreting them as characters, so re-encoding is byte-exact even for
   * invalid UTF-8. A {@code %} not followed by two hex digits is kept literally (the parser rejects such
   * queries before they get here; the signer must not throw on them).
   */
  static byte[] decodeToBytes(String s) {
    if (s.indexOf('%') < 0 && isAscii(s)) {
      return s.getBytes(StandardCharsets.ISO_8859_1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      byte b = raw[i];
      if (b == '%' && i + 2 < raw.length && hexValue(raw[i + 1]) >= 0 && hexValue(raw[i + 2]) >= 0) {
        out.write(hexValue(raw[i + 1]) << 4 | hexValue(raw[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** Percent-decodes to a string (UTF-8, malformed sequences replaced); {@code +} stays a plus. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return new String(decodeToBytes(s), StandardCharsets.UTF_8);
  }

  /** Canonical form of a query name or value: decode, then encode again. */
  static String canonical(String raw) {
    if (isPlainAscii(raw, false)) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length() + 16);
    encode(decodeToBytes(raw), false, out);
    return out.toString();
  }

  /** The value of a hex digit, or -1. */
  public static int hexValue(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      out[2 * i] = HEX_LOWER[b >>> 4];
      out[2 * i + 1] = HEX_LOWER[b & 0xf];
    }
    return new String(out);
  }
}
