package dev.gatehouse.kube.openapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * How {@code field.Invalid} prints an unstructured JSON value in its message: numbers, booleans and strings
 * simply, anything else with Go's {@code %#v} ({@code map[string]interface {}{"a":1}}).
 */
final class GoSyntax {
  private GoSyntax() {}

  /** {@code field.Error.ErrorBody}'s rendering of a bad value. */
  static String badValue(JsonNode value) {
    if (value.isTextual()) {
      return GoStrings.quote(value.asText());
    }
    return goSyntax(value);
  }

  private static String goSyntax(JsonNode value) {
    if (value == null || value.isNull()) {
      return "interface {}(nil)";
    }
    if (value.isTextual()) {
      return GoStrings.quote(value.asText());
    }
    if (value.isIntegralNumber() || value.isBoolean()) {
      return value.asText();
    }
    if (value.isNumber()) {
      double d = value.asDouble();
      return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
    StringBuilder out = new StringBuilder();
    if (value.isArray()) {
      out.append("[]interface {}{");
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(goSyntax(item)));
      return out.append(String.join(", ", items)).append('}').toString();
    }
    out.append("map[string]interface {}{");
    List<String> names = new ArrayList<>();
    value.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
      String name = it.next();
      out.append(GoStrings.quote(name)).append(':').append(goSyntax(value.get(name)));
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    return out.append('}').toString();
  }
}
