package dev.gatehouse.aws.protocol;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Query XML in the layout IAM and STS send: two-space indentation, one element per line, no XML declaration,
 * a final newline. Empty lists and structures are self-closing ({@code <Users/>}).
 */
final class XmlRenderer {
  private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final StringBuilder out = new StringBuilder(512);

  String text() {
    return out.toString();
  }

  void open(int depth, String name, String namespace) {
    indent(depth);
    out.append('<').append(checked(name));
    if (namespace != null) {
      out.append(" xmlns=\"");
      escape(namespace, true);
      out.append('"');
    }
    out.append(">\n");
  }

  void close(int depth, String name) {
    indent(depth);
    out.append("</").append(name).append(">\n");
  }

  void leaf(int depth, String name, String text) {
    indent(depth);
    out.append('<').append(checked(name)).append('>');
    escape(text, false);
    out.append("</").append(name).append(">\n");
  }

  void empty(int depth, String name) {
    indent(depth);
    out.append('<').append(checked(name)).append("/>\n");
  }

  /** Java 17 has no pattern switch: an instanceof chain over the sealed {@link Node} types, failing loudly. */
  void node(int depth, String name, Node node) {
    if (node instanceof Node.Str s) {
      leaf(depth, name, s.value());
    } else if (node instanceof Node.Timestamp t) {
      leaf(depth, name, ISO_SECONDS.format(t.value().truncatedTo(ChronoUnit.SECONDS)));
    } else if (node instanceof Node.Bool b) {
      leaf(depth, name, Boolean.toString(b.value()));
    } else if (node instanceof Node.Int i) {
      leaf(depth, name, Long.toString(i.value()));
    } else if (node instanceof Node.Struct s) {
      if (s.fields().isEmpty()) {
        empty(depth, name);
      } else {
        open(depth, name, null);
        fields(depth + 1, s);
        close(depth, name);
      }
    } else if (node instanceof Node.MemberList list) {
      if (list.items().isEmpty()) {
        empty(depth, name);
      } else {
        open(depth, name, null);
        for (Node item : list.items()) {
          node(depth + 1, "member", item);
        }
        close(depth, name);
      }
    } else if (node instanceof Node.MapEntries map) {
      if (map.entries().isEmpty()) {
        empty(depth, name);
      } else {
        open(depth, name, null);
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
          open(depth + 1, "entry", null);
          leaf(depth + 2, "key", entry.getKey());
          node(depth + 2, "value", entry.getValue());
          close(depth + 1, "entry");
        }
        close(depth, name);
      }
    } else {
      throw new IllegalStateException("protocol: unknown node type " + node.getClass());
    }
  }

  void fields(int depth, Node.Struct struct) {
    struct.fields().forEach((name, value) -> node(depth, name, value));
  }

  private void indent(int depth) {
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private static String checked(String name) {
    if (!ELEMENT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("protocol: not an XML element name: '" + name + "'");
    }
    return name;
  }

  /**
   * Escapes markup characters, keeps a carriage return as {@code &#13;} (parsers would normalise it away) and
   * replaces characters XML 1.0 cannot carry (other control characters, lone surrogates, U+FFFE/U+FFFF) with
   * U+FFFD so the document always parses.
   */
  private void escape(String text, boolean attribute) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\t', '\n' -> out.append(c);
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
