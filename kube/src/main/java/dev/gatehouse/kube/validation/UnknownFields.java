package dev.gatehouse.kube.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the fields a schema does not know (paths such as {@code spec.template.spec.containers[0].foo}, as
 * field validation reports them), so what is stored is what kube-apiserver would have decoded.
 */
final class UnknownFields {
  private UnknownFields() {}

  static void prune(ObjectNode object, List<String> paths) {
    for (String path : paths) {
      List<Object> segments = parse(path);
      if (segments.isEmpty()) {
        continue;
      }
      JsonNode parent = object;
      for (int i = 0; i < segments.size() - 1 && parent != null; i++) {
        Object s = segments.get(i);
        parent = s instanceof Integer index ? parent.get(index) : parent.get((String) s);
      }
      Object last = segments.get(segments.size() - 1);
      if (parent instanceof ObjectNode o && last instanceof String name) {
        o.remove(name);
      }
    }
  }

  /** "a.b[2].c" → ["a", "b", 2, "c"]. */
  static List<Object> parse(String path) {
    List<Object> out = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        flush(name, out);
      } else if (c == '[') {
        flush(name, out);
        int close = path.indexOf(']', i);
        if (close < 0) {
          return List.of();
        }
        String inside = path.substring(i + 1, close);
        try {
          out.add(Integer.parseInt(inside));
        } catch (NumberFormatException e) {
          out.add(inside);
        }
        i = close;
      } else {
        name.append(c);
      }
    }
    flush(name, out);
    return out;
  }

  private static void flush(StringBuilder name, List<Object> out) {
    if (name.length() > 0) {
      out.add(name.toString());
      name.setLength(0);
    }
  }
}
