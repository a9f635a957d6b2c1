package dev.gatehouse.kube.openapi.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code validate.Result}: errors deduplicated by message, warnings, and the match count that
 * {@code anyOf}/{@code oneOf} use to pick which alternative's errors to report. Mutable, like upstream; one
 * instance per validation step.
 */
final class OpenApiResult {
  final List<OpenApiError> errors = new ArrayList<>();
  final List<OpenApiError> warnings = new ArrayList<>();
  int matchCount;

  static OpenApiResult of(OpenApiError error) {
    OpenApiResult r = new OpenApiResult();
    r.addError(error);
    return r;
  }

  void addError(OpenApiError e) {
    addUnique(errors, e);
  }

  void inc() {
    matchCount++;
  }

  boolean isValid() {
    return errors.isEmpty();
  }

  /** Appends errors, warnings and match count of {@code other} (null is a no-op, as upstream). */
  OpenApiResult merge(OpenApiResult other) {
    if (other != null) {
      other.errors.forEach(this::addError);
      other.warnings.forEach(w -> addUnique(warnings, w));
      matchCount += other.matchCount;
    }
    return this;
  }

  /** Ratcheting: the other result's errors become warnings. */
  OpenApiResult mergeAsWarnings(OpenApiResult other) {
    other.errors.forEach(e -> addUnique(warnings, e));
    other.warnings.forEach(w -> addUnique(warnings, w));
    matchCount += other.matchCount;
    return this;
  }

  private static void addUnique(List<OpenApiError> list, OpenApiError e) {
    for (OpenApiError reported : list) {
      if (reported.message().equals(e.message())) {
        return;
      }
    }
    list.add(e);
  }
}
