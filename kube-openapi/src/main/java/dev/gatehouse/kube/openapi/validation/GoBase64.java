package dev.gatehouse.kube.openapi.validation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where Go's {@code base64.StdEncoding.Decode} gives up, for {@code []byte} fields such as {@code Secret.data}. Go
 * reports {@code illegal base64 data at input byte N}, N counting UTF-8 bytes; CR and LF are skipped anywhere.
 */
final class GoBase64 {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private GoBase64() {}

  /** The decode error message, or empty when {@code s} is valid padded standard base64. */
  static Optional<String> decodeError(String s) {
    byte[] src = s.getBytes(StandardCharsets.UTF_8);
    int si = 0;
    while (si < src.length) {
      // One 4-character quantum, mirroring Encoding.decodeQuantum.
      int j = 0;
      while (j < 4) {
        if (si == src.length) {
          if (j == 0) {
            return Optional.empty();
          }
          return corrupt(si - j);
        }
        byte in = src[si++];
        if (ALPHABET.indexOf(in) >= 0 && in != 0) {
          j++;
          continue;
        }
        if (in == '\n' || in == '\r') {
          continue;
        }
        if (in != '=') {
          return corrupt(si - 1);
        }
        if (j == 0 || j == 1) {
          return corrupt(si - 1);
        }
        if (j == 2) {
          si = skipNewlines(src, si);
          if (si == src.length) {
            return corrupt(src.length);
          }
          if (src[si] != '=') {
            return corrupt(si - 1);
          }
          si++;
        }
        si = skipNewlines(src, si);
        return si < src.length ? corrupt(si) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }

  private static Optional<String> corrupt(int offset) {
    return Optional.of("illegal base64 data at input byte " + offset);
  }
}
