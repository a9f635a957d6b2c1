package dev.gatehouse.kube.openapi.schema;

/**
 * Go's {@code net.ParseIP}, {@code net.ParseCIDR} and {@code net.ParseMAC} as the format checks use them.
 * "Sloppy" parsing (k8s.io/utils/net) accepts IPv4 octets with leading zeros, which the standard library has
 * rejected since Go 1.17; {@code ipv4} and {@code cidr} are sloppy, {@code ipv6} is not.
 */
final class IpAddresses {
  private IpAddresses() {}

  /** The 4- or 16-byte address, or null when {@code s} is not an IP address. */
  static byte[] parse(String s, boolean sloppy) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        return ipv4(s, sloppy);
      }
      if (c == ':') {
        return ipv6(s, sloppy);
      }
    }
    return null;
  }

  private static byte[] ipv4(String s, boolean sloppy) {
    byte[] out = new byte[4];
    int pos = 0;
    for (int i = 0; i < 4; i++) {
      if (pos >= s.length()) {
        return null;
      }
      if (i > 0) {
        if (s.charAt(pos) != '.') {
          return null;
        }
        pos++;
      }
      int start = pos;
      long n = 0;
      while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128 && n < 0xFFFFFF) {
        n = n * 10 + s.charAt(pos++) - '0';
      }
      if (pos == start || n > 0xFF || !sloppy && pos - start > 1 && s.charAt(start) == '0') {
        return null;
      }
      out[i] = (byte) n;
    }
    return pos == s.length() ? out : null;
  }

  private static byte[] ipv6(String s, boolean sloppy) {
    byte[] ip = new byte[16];
    int ellipsis = -1;
    int pos = 0;
    if (s.startsWith("::")) {
      ellipsis = 0;
      pos = 2;
      if (pos == s.length()) {
        return ip;
      }
    }
    int i = 0;
    while (i < 16) {
      int start = pos;
      int n = 0;
      while (pos < s.length() && hex(s.charAt(pos)) >= 0 && n <= 0xFFFF) {
        n = n * 16 + hex(s.charAt(pos++));
      }
      if (pos == start || n > 0xFFFF) {
        return null;
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        if (ellipsis < 0 && i != 12 || i + 4 > 16) {
          return null;
        }
        byte[] v4 = ipv4(s.substring(start), sloppy);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, ip, i, 4);
        i += 4;
        pos = s.length();
        break;
      }
      ip[i] = (byte) (n >> 8);
      ip[i + 1] = (byte) n;
      i += 2;
      if (pos == s.length()) {
        break;
      }
      if (s.charAt(pos) != ':' || pos + 1 == s.length()) {
        return null;
      }
      pos++;
      if (s.charAt(pos) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = i;
        pos++;
        if (pos == s.length()) {
          break;
        }
      }
    }
    if (pos != s.length()) {
      return null;
    }
    if (i < 16) {
      if (ellipsis < 0) {
        return null;
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
        ip[j] = 0;
      }
    } else if (ellipsis >= 0) {
      return null;
    }
    return ip;
  }

  /** {@code ip/prefix} with a decimal prefix no longer than the address. */
  static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    byte[] ip = parse(s.substring(0, slash), true);
    String mask = s.substring(slash + 1);
    if (ip == null || mask.isEmpty() || mask.length() > 7 || !mask.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return Integer.parseInt(mask) <= ip.length * 8;
  }

  /** 6, 8 or 20 octets as {@code xx:xx:..}, {@code xx-xx-..} or {@code xxxx.xxxx.xxxx}. */
  static boolean isMac(String s) {
    if (s.length() < 14) {
      return false;
    }
    if (s.charAt(2) == ':' || s.charAt(2) == '-') {
      char sep = s.charAt(2);
      if ((s.length() + 1) % 3 != 0 || !validOctetCount((s.length() + 1) / 3)) {
        return false;
      }
      for (int x = 0; x < s.length(); x += 3) {
        if (hex(s.charAt(x)) < 0 || hex(s.charAt(x + 1)) < 0 || x + 2 < s.length() && s.charAt(x + 2) != sep) {
          return false;
        }
      }
      return true;
    }
    if (s.charAt(4) == '.') {
      if ((s.length() + 1) % 5 != 0 || !validOctetCount(2 * (s.length() + 1) / 5)) {
        return false;
      }
      for (int x = 0; x < s.length(); x += 5) {
        for (int k = 0; k < 4; k++) {
          if (hex(s.charAt(x + k)) < 0) {
            return false;
          }
        }
        if (x + 4 < s.length() && s.charAt(x + 4) != '.') {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean validOctetCount(int n) {
    return n == 6 || n == 8 || n == 20;
  }

  private static int hex(char c) {
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
}
