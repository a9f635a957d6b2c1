package dev.gatehouse.kube.patch;

import java.util.Objects;

/**
 * A patch could not be applied. {@link #getMessage()} is the error text the upstream library produces (the text a Go
 * client or the apiserver log would show); {@link #status()} says which Status the kube-apiserver 1.32 patch handler
 * turns it into, and {@link #statusMessage()} is the exact {@code Status.message} it sends.
 */
public final class PatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How the apiserver reports the error (pkg/endpoints/handlers/patch.go). */
  public enum Status {
    /** 400, reason BadRequest: malformed patch documents. */
    BAD_REQUEST(400, "BadRequest"),
    /**
     * 422, reason Invalid, built by NewGenericServerResponse: the server keeps only its generic text as the message
     * (JSON patch that does not apply; SMP lists of lists).
     */
    UNPROCESSABLE(422, "Invalid"),
    /** 413, reason RequestEntityTooLarge: too many JSON patch operations. */
    REQUEST_ENTITY_TOO_LARGE(413, "RequestEntityTooLarge"),
    /**
     * 500 with an empty reason: a plain Go error that no layer converted to a Status (most strategic merge errors,
     * e.g. a missing merge key); kubectl prints it as {@code Error from server: <message>}.
     */
    INTERNAL(500, "");

    private final int code;
    private final String reason;

    Status(int code, String reason) {
      this.code = code;
      this.reason = reason;
    }

    public int code() {
      return code;
    }

    /** The Status reason; empty for {@link #INTERNAL} (metav1.StatusReasonUnknown). */
    public String reason() {
      return reason;
    }
  }

  /** What NewGenericServerResponse puts in the message of a 422 instead of the library's text. */
  static final String UNPROCESSABLE_MESSAGE = "the server rejected our request due to an error in our request";

  private final Status status;

  public PatchException(Status status, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = Objects.requireNonNull(status, "status");
  }

  static PatchException badRequest(String message) {
    return new PatchException(Status.BAD_REQUEST, message);
  }

  static PatchException internal(String message) {
    return new PatchException(Status.INTERNAL, message);
  }

  public Status status() {
    return status;
  }

  /** The {@code message} of the Status body the apiserver would send for this error. */
  public String statusMessage() {
    return switch (status) {
      case UNPROCESSABLE -> UNPROCESSABLE_MESSAGE;
      case REQUEST_ENTITY_TOO_LARGE -> "Request entity too large: " + getMessage();
      case BAD_REQUEST, INTERNAL -> getMessage();
    };
  }
}
