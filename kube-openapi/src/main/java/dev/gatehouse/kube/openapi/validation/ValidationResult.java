package dev.gatehouse.kube.openapi.validation;

import java.util.List;
import java.util.Optional;

/**
 * What server-side decoding finds in a request body.
 *
 * @param strictErrors unknown and duplicate fields, in the order kube-apiserver reports them
 * @param typeErrors errors that fail decoding whatever the directive (wrong JSON types, malformed quantities,
 *     times or base64). kube-apiserver stops at the first, so there is at most one.
 */
public record ValidationResult(List<StrictError> strictErrors, List<String> typeErrors) {
  public ValidationResult {
    strictErrors = List.copyOf(strictErrors);
    typeErrors = List.copyOf(typeErrors);
  }

  /** Paths of unknown fields, e.g. {@code spec.template.spec.containers[0].foo}. */
  public List<String> unknownFields() {
    return paths(StrictError.Kind.UNKNOWN_FIELD);
  }

  /** Paths of fields given more than once. */
  public List<String> duplicateFields() {
    return paths(StrictError.Kind.DUPLICATE_FIELD);
  }

  public boolean isClean() {
    return strictErrors.isEmpty() && typeErrors.isEmpty();
  }

  /** The Warning texts under {@code fieldValidation=Warn}: {@code unknown field "spec.foo"}, one per field. */
  public List<String> warnings() {
    return strictErrors.stream().map(StrictError::message).toList();
  }

  /**
   * The 400 message under {@code fieldValidation=Strict}, when there are strict errors: {@code ConfigMap in version
   * "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "bogusField"}.
   */
  public Optional<String> strictErrorMessage(String kind, String apiVersion) {
    if (strictErrors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(cannotBeHandled(kind, apiVersion,
        "strict decoding error: " + String.join(", ", warnings())));
  }

  /** The 400 message for a type error, e.g. {@code ... cannot be handled as a ConfigMap: json: cannot unmarshal ...}. */
  public Optional<String> typeErrorMessage(String kind, String apiVersion) {
    return typeErrors.stream().findFirst().map(error -> cannotBeHandled(kind, apiVersion, error));
  }

  /**
   * The server's decision, as in kube-apiserver's create/update/patch handlers: a type error fails the request
   * under every directive (and hides strict errors); strict errors fail it under Strict and become warnings under
   * Warn.
   *
   * @param kind the kind of the decoded object, e.g. {@code Deployment}
   * @param apiVersion its apiVersion, e.g. {@code apps/v1}; only the version part appears in messages
   */
  public FieldValidationOutcome outcome(FieldValidationDirective directive, String kind, String apiVersion) {
    Optional<String> typeError = typeErrorMessage(kind, apiVersion);
    if (typeError.isPresent()) {
      return new FieldValidationOutcome.Rejected(typeError.get());
    }
    switch (directive) {
      case STRICT:
        return strictErrorMessage(kind, apiVersion)
            .<FieldValidationOutcome>map(FieldValidationOutcome.Rejected::new)
            .orElseGet(() -> new FieldValidationOutcome.Accepted(List.of()));
      case WARN:
        return new FieldValidationOutcome.Accepted(warnings());
      case IGNORE:
        return new FieldValidationOutcome.Accepted(List.of());
      default:
        throw new IllegalStateException(directive.name());
    }
  }

  /** {@code transformDecodeError}: {@code "%s in version %q cannot be handled as a %s: %v"}. */
  static String cannotBeHandled(String kind, String apiVersion, String cause) {
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return kind + " in version " + GoStrings.quote(version) + " cannot be handled as a " + kind + ": " + cause;
  }

  private List<String> paths(StrictError.Kind kind) {
    return strictErrors.stream().filter(e -> e.kind() == kind).map(StrictError::path).toList();
  }
}
