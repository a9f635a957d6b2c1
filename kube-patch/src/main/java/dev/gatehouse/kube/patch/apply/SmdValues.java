package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Value semantics of structured-merge-diff (sigs.k8s.io/structured-merge-diff/v4 value): equality and ordering
 * compare integers and floats numerically, the type order is number, string, bool, list, map, null, and values print
 * as in its ToString (used in conflict paths such as {@code [name="nginx"]}).
 */
final class SmdValues {
  private SmdValues() {}

  static boolean isNull(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode();
  }

  private static int rank(JsonNode v) {
    if (v.isNumber()) {
      return 0;
    }
    if (v.isTextual()) {
      return 1;
    }
    if (v.isBoolean()) {
      return 2;
    }
    if (v.isArray()) {
      return 3;
    }
    if (v.isObject()) {
      return 4;
    }
    return 5;
  }

  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return compare(a, b) == 0;
    }
    if (rank(a) != rank(b)) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return rank(a) == 5 || a.equals(b);
  }

  static int compare(JsonNode a, JsonNode b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 0:
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
          return a.bigIntegerValue().compareTo(b.bigIntegerValue());
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
      case 1:
        return a.asText().compareTo(b.asText());
      case 2:
        return Boolean.compare(a.booleanValue(), b.booleanValue());
      case 3:
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = compare(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      case 4:
        List<String> ka = sortedKeys(a);
        List<String> kb = sortedKeys(b);
        for (int i = 0; i < Math.min(ka.size(), kb.size()); i++) {
          int c = ka.get(i).compareTo(kb.get(i));
          if (c != 0) {
            return c;
          }
          c = compare(a.get(ka.get(i)), b.get(kb.get(i)));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(ka.size(), kb.size());
      default:
        return 0;
    }
  }

  /** structured-merge-diff value.ToString. */
  static String toString(JsonNode v) {
    if (isNull(v)) {
      return "null";
    }
    if (v.isNumber()) {
      return v.isIntegralNumber() ? v.bigIntegerValue().toString() : goFloat(v.doubleValue());
    }
    if (v.isTextual()) {
      return goQuote(v.asText());
    }
    if (v.isBoolean()) {
      return Boolean.toString(v.booleanValue());
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(e -> parts.add(toString(e)));
      return "[" + String.join(",", parts) + "]";
    }
    StringBuilder out = new StringBuilder();
    for (String k : sortedKeys(v)) {
      out.append(k).append('=').append(toString(v.get(k)));
    }
    return out.toString();
  }

  static List<String> sortedKeys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    keys.sort(null);
    return keys;
  }

  /** A copy in which every integral number is a long and every other number a double, so JsonNode.equals agrees. */
  static JsonNode normalize(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return JsonNodeFactory.instance.numberNode(v.longValue());
    }
    if (v.isNumber() && !v.isIntegralNumber()) {
      return JsonNodeFactory.instance.numberNode(v.doubleValue());
    }
    if (v.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      v.forEach(e -> out.add(normalize(e)));
      return out;
    }
    if (v.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        out.set(e.getKey(), normalize(e.getValue()));
      }
      return out;
    }
    return v;
  }

  /** Go's %q. */
  static String goQuote(String s) {
    return dev.gatehouse.kube.meta.validation.GoFormat.quote(s);
  }

  /** Go's %v of a float64: the shortest representation, in exponent form below 1e-4 or from 1e6 on. */
  static String goFloat(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return "0";
    }
    java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int point = digits.length() - exact.scale();
    int exponent = point - 1;
    String sign = value < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 6) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int abs = Math.abs(exponent);
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }
    if (point <= 0) {
      return sign + "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return sign + digits + "0".repeat(point - digits.length());
    }
    return sign + digits.substring(0, point) + "." + digits.substring(point);
  }
}
