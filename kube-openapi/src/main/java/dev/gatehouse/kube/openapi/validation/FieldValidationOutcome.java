package dev.gatehouse.kube.openapi.validation;

import java.util.List;
import java.util.Objects;

/** What the server does with a decoded request body under a {@link FieldValidationDirective}. */
public sealed interface FieldValidationOutcome {

  /** Proceed; send each warning as {@code Warning: 299 - "<warning>"}. */
  record Accepted(List<String> warnings) implements FieldValidationOutcome {
    public Accepted {
      warnings = List.copyOf(warnings);
    }
  }

  /** Fail with 400 BadRequest and this Status message. */
  record Rejected(String message) implements FieldValidationOutcome {
    public Rejected {
      Objects.requireNonNull(message, "message");
    }
  }
}
