package dev.gatehouse.kube.openapi.validation;

import dev.gatehouse.kube.meta.validation.GoFormat;

/** Go's {@code strconv.Quote}, which renders field paths in strict decoding errors (kube-meta's one rendering). */
final class GoStrings {
  private GoStrings() {}

  static String quote(String s) {
    return GoFormat.quote(s);
  }
}
