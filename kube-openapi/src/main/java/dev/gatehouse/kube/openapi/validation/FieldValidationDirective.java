package dev.gatehouse.kube.openapi.validation;

import java.util.Optional;

/**
 * The {@code fieldValidation} query parameter of create, update and patch requests. Without the parameter
 * kube-apiserver 1.32 uses {@link #WARN} ({@code apiserver/pkg/endpoints/handlers/rest.go}, {@code fieldValidation}).
 */
public enum FieldValidationDirective {
  /** Unknown or duplicate fields fail the request with 400 BadRequest. */
  STRICT("Strict"),
  /** The request succeeds; each unknown or duplicate field becomes a {@code Warning} header. */
  WARN("Warn"),
  /** Unknown fields are dropped silently, the last duplicate wins. */
  IGNORE("Ignore");

  private final String wireValue;

  FieldValidationDirective(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }

  /** Reads the query value: absent or empty means {@link #WARN}; anything but the three exact names is invalid. */
  public static Optional<FieldValidationDirective> parse(String queryValue) {
    if (queryValue == null || queryValue.isEmpty()) {
      return Optional.of(WARN);
    }
    for (FieldValidationDirective directive : values()) {
      if (directive.wireValue.equals(queryValue)) {
        return Optional.of(directive);
      }
    }
    return Optional.empty();
  }

  /**
   * The 422 Invalid message for an unsupported value, e.g. {@code CreateOptions.meta.k8s.io "" is invalid:
   * fieldValidation: Unsupported value: "foo": supported values: "", "Ignore", "Strict", "Warn"}.
   *
   * @param optionsKind {@code CreateOptions}, {@code UpdateOptions} or {@code PatchOptions}
   */
  public static String unsupportedValueMessage(String optionsKind, String queryValue) {
    return optionsKind + ".meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: "
        + GoStrings.quote(queryValue) + ": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"";
  }
}
