package dev.gatehouse.aws.protocol;

import dev.gatehouse.aws.sigv4.Rfc3986;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} data (a Query body or query string): pairs split on
 * {@code &} and the first {@code =}, {@code +} is a space, {@code %XY} a byte, and the bytes must be UTF-8.
 * Every failure is an {@link AwsError}, never an exception.
 */
final class FormDecoder {
  /** Thrown inside the decoder only; {@link QueryRequest} turns it into a {@link QueryParse.Malformed}. */
  static final class FormException extends Exception {
    private final transient AwsError error;

    FormException(AwsError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }

    AwsError error() {
      return error;
    }
  }

  private FormDecoder() {
  }

  /** Appends the decoded pairs of {@code data} to {@code out}, failing once {@code out} exceeds {@code maxPairs}. */
  static void decode(byte[] data, List<Map.Entry<String, String>> out, int maxPairs) throws FormException {
    int start = 0;
    while (start <= data.length) {
      int end = indexOf(data, (byte) '&', start, data.length);
      if (end > start) {
        int eq = indexOf(data, (byte) '=', start, end);
        String name = text(data, start, eq, null);
        String value = eq < end ? text(data, eq + 1, end, name) : "";
        if (out.size() >= maxPairs) {
          throw new FormException(AwsError.malformedQueryString("Request has more than " + maxPairs + " parameters"));
        }
        out.add(Map.entry(name, value));
      }
      start = end + 1;
    }
  }

  /** Decodes {@code data[from, to)}; {@code owner} names the parameter when decoding a value (for messages). */
  private static String text(byte[] data, int from, int to, String owner) throws FormException {
    boolean plain = true;
    for (int i = from; i < to; i++) {
      byte b = data[i];
      if (b == '%' || b == '+' || b < 0) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = data[i];
      if (b == '+') {
        bytes.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to) {
          throw new FormException(AwsError.malformedQueryString("Incomplete trailing escape % sequence"));
        }
        int hi = Rfc3986.hexValue(data[i + 1]);
        int lo = Rfc3986.hexValue(data[i + 2]);
        if (hi < 0 || lo < 0) {
          throw new FormException(AwsError.malformedQueryString("Illegal hex character in escape % pattern: %"
              + (char) (data[i + 1] & 0xff) + (char) (data[i + 2] & 0xff)));
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        bytes.write(b);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FormException(AwsError.malformedQueryString(owner == null
          ? "Invalid UTF-8 in a parameter name"
          : "Invalid UTF-8 in the value of parameter '" + owner + "'"));
    }
  }

  /** The first {@code wanted} in {@code data[from, to)}, else {@code to}. */
  private static int indexOf(byte[] data, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == wanted) {
        return i;
      }
    }
    return to;
  }
}
