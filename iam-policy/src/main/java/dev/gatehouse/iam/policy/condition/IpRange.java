package dev.gatehouse.iam.policy.condition;

/**
 * An IPv4 or IPv6 address with a prefix length ({@code 203.0.113.0/24}, {@code 2001:db8::/32}, or a single
 * address). Parsed by hand: {@code InetAddress.getByName} would resolve host names.
 */
public record IpRange(byte[] address, int prefixLength) {

  /** Whether {@code ip}'s address lies in this range (same family only). */
  public boolean contains(IpRange ip) {
    byte[] other = ip.address;
    if (other.length != address.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != other[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (other[full] & mask);
  }

  /** The range, or null when the text is not an address or CIDR block. */
  public static IpRange parse(String text) {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    byte[] address = addressText.indexOf(':') >= 0 ? parseV6(addressText) : parseV4(addressText);
    if (address == null) {
      return null;
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      prefix = parseDecimal(text, slash + 1, text.length(), bits);
      if (prefix < 0) {
        return null;
      }
    }
    return new IpRange(address, prefix);
  }

  private static byte[] parseV4(String s) {
    byte[] out = new byte[4];
    int start = 0;
    for (int part = 0; part < 4; part++) {
      int end = part < 3 ? s.indexOf('.', start) : s.length();
      if (end < 0) {
        return null;
      }
      int octet = parseDecimal(s, start, end, 255);
      if (octet < 0) {
        return null;
      }
      out[part] = (byte) octet;
      start = end + 1;
    }
    return out;
  }

  private static byte[] parseV6(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    int[] head = new int[8];
    int[] tail = new int[8];
    int headCount;
    int tailCount = 0;
    byte[] embeddedV4 = null;
    String first = doubleColon < 0 ? s : s.substring(0, doubleColon);
    String second = doubleColon < 0 ? "" : s.substring(doubleColon + 2);
    String last = doubleColon < 0 ? first : second;
    int lastColon = last.lastIndexOf(':');
    String lastGroup = last.substring(lastColon + 1);
    if (lastGroup.indexOf('.') >= 0) {
      embeddedV4 = parseV4(lastGroup);
      if (embeddedV4 == null) {
        return null;
      }
      if (doubleColon < 0) {
        first = lastColon < 0 ? "" : first.substring(0, lastColon);
      } else {
        second = lastColon < 0 ? "" : second.substring(0, lastColon);
      }
    }
    headCount = groups(first, head);
    if (headCount < 0) {
      return null;
    }
    if (doubleColon >= 0) {
      tailCount = groups(second, tail);
      if (tailCount < 0) {
        return null;
      }
    }
    int v4Groups = embeddedV4 == null ? 0 : 2;
    int total = headCount + tailCount + v4Groups;
    if (doubleColon < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < headCount; i++) {
      out[2 * i] = (byte) (head[i] >> 8);
      out[2 * i + 1] = (byte) head[i];
    }
    int tailStart = 8 - tailCount - v4Groups;
    for (int i = 0; i < tailCount; i++) {
      out[2 * (tailStart + i)] = (byte) (tail[i] >> 8);
      out[2 * (tailStart + i) + 1] = (byte) tail[i];
    }
    if (embeddedV4 != null) {
      System.arraycopy(embeddedV4, 0, out, 12, 4);
    }
    return out;
  }

  /** Parses colon-separated hex groups into {@code into}; returns the count, or -1 if malformed. */
  private static int groups(String s, int[] into) {
    if (s.isEmpty()) {
      return 0;
    }
    int count = 0;
    int start = 0;
    while (true) {
      int end = s.indexOf(':', start);
      if (end < 0) {
        end = s.length();
      }
      if (count == into.length || end == start || end - start > 4) {
        return -1;
      }
      int value = 0;
      for (int i = start; i < end; i++) {
        int d = Character.digit(s.charAt(i), 16);
        if (d < 0) {
          return -1;
        }
        value = value * 16 + d;
      }
      into[count++] = value;
      if (end == s.length()) {
        return count;
      }
      start = end + 1;
    }
  }

  private static int parseDecimal(String s, int from, int to, int max) {
    if (from >= to || to - from > 3) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= max ? value : -1;
  }
}
