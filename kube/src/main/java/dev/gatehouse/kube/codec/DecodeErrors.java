package dev.gatehouse.kube.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages kube-apiserver gives a body it cannot parse: Go's encoding/json syntax errors, wrapped as its
 * decoder and transformDecodeError wrap them ({@code the object provided is unrecognized (must be of type X):
 * couldn't get version/kind; json parse error: <go error> (<first 30 bytes>)}).
 */
public final class DecodeErrors {
  private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.)' \\(code \\d+\\)\\)(.*)",
      Pattern.DOTALL);

  private DecodeErrors() {}

  public static String unparseable(String targetKind, byte[] body, JsonProcessingException e) {
    return "the object provided is unrecognized (must be of type " + targetKind + "): couldn't get version/kind;"
        + " json parse error: " + goSyntaxError(e) + " (" + summarize(body, 30) + ")";
  }

  /** Go's wording of the common JSON syntax errors. */
  static String goSyntaxError(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Unexpected end-of-input") || message.contains("end-of-input")) {
      return "unexpected end of JSON input";
    }
    Matcher m = UNEXPECTED.matcher(message);
    if (m.matches()) {
      String c = m.group(1);
      String rest = m.group(2);
      if (rest.contains("double-quote to start field name")) {
        return "invalid character '" + c + "' looking for beginning of object key string";
      }
      if (rest.contains("comma to separate Object entries")) {
        return "invalid character '" + c + "' after object key:value pair";
      }
      if (rest.contains("colon to separate field name and value")) {
        return "invalid character '" + c + "' after object key";
      }
      if (rest.contains("comma to separate Array entries")) {
        return "invalid character '" + c + "' after array element";
      }
      return "invalid character '" + c + "' looking for beginning of value";
    }
    if (message.startsWith("Unrecognized token")) {
      return "invalid character looking for beginning of value";
    }
    return "invalid JSON";
  }

  /** Upstream's summarizeData: JSON-looking bodies as text, others in hex, cut at {@code max} bytes. */
  static String summarize(byte[] body, int max) {
    if (body.length == 0) {
      return "<empty>";
    }
    boolean cut = body.length > max;
    byte[] head = cut ? java.util.Arrays.copyOf(body, max) : body;
    String text = body[0] == '{' ? new String(head, StandardCharsets.UTF_8) : HexFormat.of().formatHex(head);
    return cut ? text + " ..." : text;
  }
}
