package dev.gatehouse.eks.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Base64url without padding, decoded as Go's {@code base64.RawURLEncoding} does (the encoding
 * aws-iam-authenticator and {@code aws eks get-token} use), with Go's error text: {@code illegal base64 data at
 * input byte N}, N counted from the start of the encoded text. Like Go's non-strict decoder, carriage returns
 * and line feeds are skipped and unused trailing bits are ignored; {@code =} is an illegal character.
 *
 * <p>Decodes to a Latin-1 string (one char per byte), so a URL check afterwards sees every byte as sent.
 */
final class RawUrlBase64 {
  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  /** The decoded text, or the error. */
  sealed interface Result {}

  record Decoded(String text) implements Result {}

  record Illegal(String message) implements Result {}

  private RawUrlBase64() {
  }

  static Result decode(String s, int from) {
    byte[] out = new byte[(s.length() - from) * 3 / 4 + 3];
    int written = 0;
    int quantum = 0;
    int filled = 0;
    int lastIndex = -1;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        continue;
      }
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        return illegal(i - from);
      }
      quantum = quantum << 6 | value;
      lastIndex = i;
      if (++filled == 4) {
        out[written++] = (byte) (quantum >>> 16 & 0xff);
        out[written++] = (byte) (quantum >>> 8 & 0xff);
        out[written++] = (byte) (quantum & 0xff);
        quantum = 0;
        filled = 0;
      }
    }
    switch (filled) {
      case 0 -> {
      }
      // One character carries 6 bits, less than a byte: Go names the position of that lone character.
      case 1 -> {
        return illegal(lastIndex - from);
      }
      case 2 -> out[written++] = (byte) (quantum >>> 4 & 0xff);
      case 3 -> {
        out[written++] = (byte) (quantum >>> 10 & 0xff);
        out[written++] = (byte) (quantum >>> 2 & 0xff);
      }
      default -> throw new IllegalStateException("base64: quantum of " + filled);
    }
    return new Decoded(new String(out, 0, written, StandardCharsets.ISO_8859_1));
  }

  private static Illegal illegal(int position) {
    return new Illegal("illegal base64 data at input byte " + position);
  }
}
