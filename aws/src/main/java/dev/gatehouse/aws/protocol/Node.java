package dev.gatehouse.aws.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A response tree, rendered by {@link QueryResponses} as Query XML or as its JSON variant. Member names are the
 * botocore model's ({@code UserName}, {@code CreateDate}); leave absent optional members out of the
 * {@link Struct} rather than giving them a null.
 */
public sealed interface Node {

  record Str(String value) implements Node {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** XML: {@code 2026-11-22T06:27:48Z} (ISO-8601 UTC, whole seconds); JSON: epoch seconds as a number. */
  record Timestamp(Instant value) implements Node {
    public Timestamp {
      Objects.requireNonNull(value, "value");
    }
  }

  record Bool(boolean value) implements Node {
  }

  record Int(long value) implements Node {
  }

  /** Ordered members; XML {@code <Name>…</Name>} children, JSON an object. */
  record Struct(Map<String, Node> fields) implements Node {
    public Struct {
      LinkedHashMap<String, Node> copy = new LinkedHashMap<>(fields.size() * 2);
      fields.forEach((name, node) -> copy.put(Objects.requireNonNull(name, "field name"),
          Objects.requireNonNull(node, () -> "protocol: null value for member " + name)));
      fields = Collections.unmodifiableMap(copy);
    }

    /** {@code Node.Struct.of("Arn", new Str(arn), "UserId", new Str(id))}. */
    public static Struct of(Object... namesAndNodes) {
      if (namesAndNodes.length % 2 != 0) {
        throw new IllegalArgumentException("protocol: Struct.of needs name/node pairs");
      }
      LinkedHashMap<String, Node> fields = new LinkedHashMap<>();
      for (int i = 0; i < namesAndNodes.length; i += 2) {
        fields.put((String) namesAndNodes[i], (Node) namesAndNodes[i + 1]);
      }
      return new Struct(fields);
    }
  }

  /** A list; XML wraps each item in {@code <member>}, JSON an array. */
  record MemberList(List<Node> items) implements Node {
    public MemberList {
      items = List.copyOf(items);
    }
  }

  /** A map; XML {@code <entry><key>k</key><value>v</value></entry>}, JSON an object. */
  record MapEntries(Map<String, Node> entries) implements Node {
    public MapEntries {
      LinkedHashMap<String, Node> copy = new LinkedHashMap<>(entries.size() * 2);
      entries.forEach((key, node) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(node, "value")));
      entries = Collections.unmodifiableMap(copy);
    }
  }
}
