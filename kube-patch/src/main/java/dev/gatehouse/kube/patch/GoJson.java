package dev.gatehouse.kube.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON values seen the way the Go patch code sees them after decoding into {@code interface{}} with preserved
 * integers: objects are {@code map[string]interface {}}, arrays {@code []interface {}}, integral numbers {@code int64},
 * other numbers {@code float64}. Upstream compares scalars with Go's {@code ==} (so {@code 1} and {@code 1.0} differ)
 * and prints values with {@code %v} in its error messages; both are reproduced here.
 */
final class GoJson {
  static final String MAP_TYPE = "map[string]interface {}";
  static final String SLICE_TYPE = "[]interface {}";

  private GoJson() {}

  static boolean isNil(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** The Go dynamic type name of a decoded value ({@code reflect.TypeOf(v).String()}), or null for nil. */
  static String typeOf(JsonNode node) {
    if (isNil(node)) {
      return null;
    }
    if (node.isObject()) {
      return MAP_TYPE;
    }
    if (node.isArray()) {
      return SLICE_TYPE;
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    if (node.isNumber()) {
      return isInt64(node) ? "int64" : "float64";
    }
    // Binary and POJO nodes never come out of a JSON parser; print them as strings.
    return "string";
  }

  /** Whether two values have the same Go type ({@code reflect.TypeOf(a) == reflect.TypeOf(b)}). */
  static boolean sameType(JsonNode a, JsonNode b) {
    return java.util.Objects.equals(typeOf(a), typeOf(b));
  }

  private static boolean isInt64(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong();
  }

  /**
   * Go's {@code ==} on two decoded values. Maps and slices are not comparable in Go (the runtime would panic); they are
   * treated as unequal here.
   */
  static boolean scalarEquals(JsonNode a, JsonNode b) {
    String ta = typeOf(a);
    if (!java.util.Objects.equals(ta, typeOf(b))) {
      return false;
    }
    if (ta == null) {
      return true;
    }
    return switch (ta) {
      case "string" -> a.asText().equals(b.asText());
      case "bool" -> a.booleanValue() == b.booleanValue();
      case "int64" -> a.longValue() == b.longValue();
      case "float64" -> a.doubleValue() == b.doubleValue();
      default -> false;
    };
  }

  /** Go's {@code %v} of a decoded value, as upstream prints maps and lists into error messages. */
  static String format(JsonNode node) {
    StringBuilder out = new StringBuilder();
    appendValue(out, node);
    return out.toString();
  }

  /** Go's {@code %v} of several values printed as one slice, e.g. {@code fmt.Sprint(slices)}. */
  static String formatAll(List<? extends JsonNode> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      appendValue(out, values.get(i));
    }
    return out.append(']').toString();
  }

  /** Go's {@code %s} of a decoded value: strings as they are, anything else as {@code %!s(type=value)}. */
  static String formatS(JsonNode node) {
    if (isNil(node)) {
      return "%!s(<nil>)";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    return "%!s(" + typeOf(node) + "=" + format(node) + ")";
  }

  /** Go's {@code %s} of {@code reflect.TypeOf(v)}, used by mergepatch.ErrBadArgType. */
  static String typeName(JsonNode node) {
    String type = typeOf(node);
    return type == null ? "%!s(<nil>)" : type;
  }

  private static void appendValue(StringBuilder out, JsonNode node) {
    if (isNil(node)) {
      out.append("<nil>");
    } else if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      out.append("map[");
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        out.append(keys.get(i)).append(':');
        appendValue(out, node.get(keys.get(i)));
      }
      out.append(']');
    } else if (node.isArray()) {
      out.append('[');
      Iterator<JsonNode> it = node.elements();
      boolean first = true;
      while (it.hasNext()) {
        if (!first) {
          out.append(' ');
        }
        first = false;
        appendValue(out, it.next());
      }
      out.append(']');
    } else if (node.isNumber()) {
      out.append(isInt64(node) ? Long.toString(node.longValue()) : formatFloat(node.doubleValue()));
    } else {
      out.append(node.asText());
    }
  }

  /** strconv.FormatFloat(f, 'g', -1, 64), which is what {@code %v} prints for a float64. */
  static String formatFloat(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    // Double.toString gives the shortest decimal that round-trips, as Go's shortest formatting does.
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int decimalPoint = digits.length() - exact.scale(); // position of the point relative to the digits
    int exponent = decimalPoint - 1;
    String sign = value < 0 ? "-" : "";
    // With the shortest representation Go switches to %e when the exponent is below -4 or at least 6.
    if (exponent < -4 || exponent >= 6) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int abs = Math.abs(exponent);
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }
    if (decimalPoint <= 0) {
      return sign + "0." + "0".repeat(-decimalPoint) + digits;
    }
    if (decimalPoint >= digits.length()) {
      return sign + digits + "0".repeat(decimalPoint - digits.length());
    }
    return sign + digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
  }

  /** Ordered entries of an object, copied so callers may modify the object while iterating. */
  static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    object.properties().forEach(e -> out.add(Map.entry(e.getKey(), e.getValue())));
    return out;
  }
}
