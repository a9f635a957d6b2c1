package dev.gatehouse.aws.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON variant of a Query response that IAM and STS send for {@code Accept: application/json}: the same
 * tree, structures and maps as objects, lists as arrays, timestamps as epoch seconds. Compact, no whitespace.
 */
final class JsonRenderer {
  private final StringBuilder out = new StringBuilder(256);

  String text() {
    return out.toString();
  }

  void beginObject() {
    out.append('{');
  }

  void endObject() {
    out.append('}');
  }

  void name(String name, boolean first) {
    if (!first) {
      out.append(',');
    }
    string(name);
    out.append(':');
  }

  /** Java 17 has no pattern switch: an instanceof chain over the sealed {@link Node} types, failing loudly. */
  void node(Node node) {
    if (node instanceof Node.Str s) {
      string(s.value());
    } else if (node instanceof Node.Timestamp t) {
      out.append(epochSeconds(t.value()));
    } else if (node instanceof Node.Bool b) {
      out.append(b.value());
    } else if (node instanceof Node.Int i) {
      out.append(i.value());
    } else if (node instanceof Node.Struct s) {
      object(s.fields());
    } else if (node instanceof Node.MemberList list) {
      array(list.items());
    } else if (node instanceof Node.MapEntries map) {
      object(map.entries());
    } else {
      throw new IllegalStateException("protocol: unknown node type " + node.getClass());
    }
  }

  void object(Map<String, Node> members) {
    beginObject();
    boolean first = true;
    for (Map.Entry<String, Node> member : members.entrySet()) {
      name(member.getKey(), first);
      node(member.getValue());
      first = false;
    }
    endObject();
  }

  private void array(List<Node> items) {
    out.append('[');
    Iterator<Node> it = items.iterator();
    while (it.hasNext()) {
      node(it.next());
      if (it.hasNext()) {
        out.append(',');
      }
    }
    out.append(']');
  }

  /** Whole seconds as an integer, otherwise seconds with their fraction ({@code 1795328900.224}). */
  static String epochSeconds(Instant instant) {
    if (instant.getNano() == 0) {
      return Long.toString(instant.getEpochSecond());
    }
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
        .stripTrailingZeros().toPlainString();
  }

  void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
