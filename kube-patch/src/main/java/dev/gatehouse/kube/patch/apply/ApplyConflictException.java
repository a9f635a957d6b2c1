package dev.gatehouse.kube.patch.apply;

import java.util.List;

/**
 * Server-side apply touched fields other managers own (HTTP 409, reason Conflict). The message and causes are
 * upstream's (apimachinery pkg/util/managedfields/internal/conflict.go), e.g. {@code Apply failed with 1 conflict:
 * conflict with "kubectl-client-side-apply" using v1: .data.a}.
 */
public final class ApplyConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The Status cause of one conflict: type FieldManagerConflict, {@code conflict with "x"}, the field path. */
  public record Cause(String type, String message, String field) {}

  private final transient List<Cause> causes;

  ApplyConflictException(String message, List<Cause> causes) {
    super(message, null, false, false);
    this.causes = List.copyOf(causes);
  }

  public int code() {
    return 409;
  }

  public String reason() {
    return "Conflict";
  }

  public List<Cause> causes() {
    return causes;
  }
}
