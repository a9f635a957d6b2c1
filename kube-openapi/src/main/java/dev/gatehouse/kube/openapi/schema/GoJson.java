package dev.gatehouse.kube.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.GoFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How kube-apiserver sees a decoded JSON value. apimachinery decodes custom resources into
 * {@code map[string]interface{}} where a number is an {@code int64} when its text is an integer that fits, and a
 * {@code float64} otherwise; every rule below (type checks, enum and uniqueness comparisons, {@code %#v} in
 * messages) depends on that split, so Jackson nodes are classified the same way here.
 */
final class GoJson {
  private GoJson() {}

  /** The Go dynamic type of a decoded JSON value. */
  enum Kind { NULL, BOOL, INT, FLOAT, STRING, OBJECT, ARRAY }

  static Kind kind(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Kind.NULL;
    }
    if (node.isBoolean()) {
      return Kind.BOOL;
    }
    if (node.isNumber()) {
      return node.isIntegralNumber() && node.canConvertToLong() ? Kind.INT : Kind.FLOAT;
    }
    if (node.isObject()) {
      return Kind.OBJECT;
    }
    if (node.isArray()) {
      return Kind.ARRAY;
    }
    return Kind.STRING;
  }

  static boolean isNull(JsonNode node) {
    return kind(node) == Kind.NULL;
  }

  static boolean isNumber(Kind kind) {
    return kind == Kind.INT || kind == Kind.FLOAT;
  }

  /** {@code reflect.DeepEqual} on decoded values: an int64 never equals a float64. */
  static boolean deepEqual(JsonNode a, JsonNode b) {
    Kind ka = kind(a);
    if (ka != kind(b)) {
      return false;
    }
    return switch (ka) {
      case NULL -> true;
      case BOOL -> a.booleanValue() == b.booleanValue();
      case INT -> a.longValue() == b.longValue();
      case FLOAT -> a.doubleValue() == b.doubleValue();
      case STRING -> a.asText().equals(b.asText());
      case ARRAY -> {
        if (a.size() != b.size()) {
          yield false;
        }
        for (int i = 0; i < a.size(); i++) {
          if (!deepEqual(a.get(i), b.get(i))) {
            yield false;
          }
        }
        yield true;
      }
      case OBJECT -> {
        if (a.size() != b.size()) {
          yield false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!b.has(e.getKey()) || !deepEqual(e.getValue(), b.get(e.getKey()))) {
            yield false;
          }
        }
        yield true;
      }
    };
  }

  /**
   * Go's {@code %#v} of a decoded value, e.g. {@code map[string]interface {}{"name":"a"}}: map keys sorted,
   * nested nulls as {@code interface {}(nil)}.
   */
  static String sharpV(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    appendSharpV(sb, node, true);
    return sb.toString();
  }

  private static void appendSharpV(StringBuilder sb, JsonNode node, boolean top) {
    switch (kind(node)) {
      case NULL -> sb.append(top ? "<nil>" : "interface {}(nil)");
      case BOOL -> sb.append(node.booleanValue());
      case INT -> sb.append(node.longValue());
      case FLOAT -> sb.append(GoFormat.formatFloat(node.doubleValue()));
      case STRING -> sb.append(GoFormat.quote(node.asText()));
      case ARRAY -> {
        sb.append("[]interface {}{");
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          appendSharpV(sb, node.get(i), false);
        }
        sb.append('}');
      }
      case OBJECT -> {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(GoJson::compareGoStrings);
        sb.append("map[string]interface {}{");
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          sb.append(GoFormat.quote(keys.get(i))).append(':');
          appendSharpV(sb, node.get(keys.get(i)), false);
        }
        sb.append('}');
      }
    }
  }

  /**
   * A decoded value as a {@code field.Error} bad value: strings, int64, float64 and bools print as themselves;
   * a nil value prints as the quoted string {@code "null"} (ErrorBody substitutes it); maps and slices fall back
   * to {@code %#v}.
   */
  static Object badValue(JsonNode node) {
    return switch (kind(node)) {
      case NULL -> new GoFormat.GoLiteral("\"null\"");
      case BOOL -> node.booleanValue();
      case INT -> node.longValue();
      case FLOAT -> node.doubleValue();
      case STRING -> node.asText();
      case OBJECT, ARRAY -> new GoFormat.GoLiteral(sharpV(node));
    };
  }

  /** Go compares strings bytewise (UTF-8), which differs from UTF-16 order only above the BMP. */
  static int compareGoStrings(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Go's {@code json.Marshal} of a decoded value (map keys sorted), used as an identity for set items. */
  static String marshal(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    appendJson(sb, node);
    return sb.toString();
  }

  private static void appendJson(StringBuilder sb, JsonNode node) {
    switch (kind(node)) {
      case NULL -> sb.append("null");
      case BOOL -> sb.append(node.booleanValue());
      case INT -> sb.append(node.longValue());
      case FLOAT -> sb.append(jsonFloat(node.doubleValue()));
      case STRING -> sb.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(node.asText()));
      case ARRAY -> {
        sb.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          appendJson(sb, node.get(i));
        }
        sb.append(']');
      }
      case OBJECT -> {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(GoJson::compareGoStrings);
        sb.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(keys.get(i))).append(':');
          appendJson(sb, node.get(keys.get(i)));
        }
        sb.append('}');
      }
    }
  }

  /** encoding/json float formatting: shortest digits, exponent only outside [1e-6, 1e21). */
  static String jsonFloat(double d) {
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String s = GoFormat.formatFloat(d);
      // Go's json trims a two-digit exponent's leading zero: 1e-07 becomes 1e-7.
      return s.replaceAll("e([+-])0(\\d)$", "e$1$2");
    }
    return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}
