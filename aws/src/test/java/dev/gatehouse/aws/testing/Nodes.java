package dev.gatehouse.aws.testing;

import dev.gatehouse.aws.protocol.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result trees as plain Java values (Struct and MapEntries → Map, MemberList → List, Str → String, Int → Long,
 * Bool → Boolean, Timestamp → Instant), so tests can assert with AssertJ's map and list assertions.
 */
public final class Nodes {
  private Nodes() {}

  public static Object toJava(Node node) {
    if (node == null) {
      return null;
    }
    if (node instanceof Node.Str s) {
      return s.value();
    }
    if (node instanceof Node.Int i) {
      return i.value();
    }
    if (node instanceof Node.Bool b) {
      return b.value();
    }
    if (node instanceof Node.Timestamp t) {
      return t.value();
    }
    if (node instanceof Node.Struct s) {
      return map(s.fields());
    }
    if (node instanceof Node.MapEntries m) {
      return map(m.entries());
    }
    List<Object> out = new ArrayList<>();
    ((Node.MemberList) node).items().forEach(item -> out.add(toJava(item)));
    return out;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> struct(Node node) {
    return (Map<String, Object>) toJava(node);
  }

  /** Walks a path of member names (String) and list indexes (Integer) from a converted tree. */
  @SuppressWarnings("unchecked")
  public static <T> T at(Object tree, Object... path) {
    Object current = tree;
    for (Object step : path) {
      if (current == null) {
        throw new AssertionError("no value before " + step + " in " + tree);
      }
      current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
    }
    return (T) current;
  }

  private static Map<String, Object> map(Map<String, Node> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, toJava(v)));
    return out;
  }
}
