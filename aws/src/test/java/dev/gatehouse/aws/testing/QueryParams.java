package dev.gatehouse.aws.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters written as structured data (from YAML or JSON test cases) flattened into Query parameters as
 * botocore serialises them: a list is {@code Name.member.N}, a structure {@code Name.Field}, recursively.
 */
public final class QueryParams {
  private QueryParams() {}

  public static Map<String, String> flatten(Map<String, ?> structured) {
    Map<String, String> out = new LinkedHashMap<>();
    if (structured != null) {
      structured.forEach((name, value) -> add(name, value, out));
    }
    return out;
  }

  private static void add(String name, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> add(name + "." + k, v, out));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        add(name + ".member." + (i + 1), list.get(i), out);
      }
    } else if (value != null) {
      out.put(name, String.valueOf(value));
    }
  }
}
