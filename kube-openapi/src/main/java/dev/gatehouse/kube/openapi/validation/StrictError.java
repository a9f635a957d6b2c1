package dev.gatehouse.kube.openapi.validation;

import java.util.Objects;

/**
 * One strict-decoding violation: a field the target type does not know, or a key given twice. The path uses
 * sigs.k8s.io/json's notation: dotted keys (map keys included) and {@code [i]} for list indexes, e.g.
 * {@code spec.template.spec.containers[0].foo}.
 */
public record StrictError(Kind kind, String path) {
  public enum Kind {
    UNKNOWN_FIELD("unknown field"),
    DUPLICATE_FIELD("duplicate field");

    private final String text;

    Kind(String text) {
      this.text = text;
    }
  }

  public StrictError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
  }

  /** The message clients see, e.g. {@code unknown field "spec.foo"} (Go {@code strconv.Quote} of the path). */
  public String message() {
    return kind.text + " " + GoStrings.quote(path);
  }
}
