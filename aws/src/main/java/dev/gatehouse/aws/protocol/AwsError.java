package dev.gatehouse.aws.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An error as the Query protocol returns it: {@code <Error><Type>Sender</Type><Code>…</Code><Message>…}.
 * An empty message is left out of the response, as AWS does for some errors (e.g. {@code MalformedInput}).
 *
 * <p>The factories hold the common Query errors with AWS's texts. Sources: messages observed from IAM and STS
 * (InvalidClientTokenId, SignatureDoesNotMatch, InvalidAction, ValidationError, all with public captures of
 * real responses), moto 5.2.1 where it mirrors AWS, and the CommonErrors pages for statuses. Texts that
 * could not be checked against AWS are marked unverified.
 *
 * @param sender {@code true} for {@code <Type>Sender</Type>} (client faults), {@code false} for Receiver
 */
public record AwsError(String code, String message, int httpStatus, boolean sender) {
  public AwsError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("protocol: error status must be 4xx or 5xx, got " + httpStatus);
    }
  }

  public static AwsError sender(String code, String message, int httpStatus) {
    return new AwsError(code, message, httpStatus, true);
  }

  /** {@code Sender} or {@code Receiver}. */
  public String type() {
    return sender ? "Sender" : "Receiver";
  }

  // --- request shape -------------------------------------------------------------------------------------------

  /**
   * No {@code Action} parameter. Real IAM/STS answer such requests with a 302 to https://aws.amazon.com/iam;
   * an error is more useful here. Text from the CommonErrors description (unverified as a response).
   */
  public static AwsError missingAction() {
    return sender("MissingAction", "The request is missing an action or a required parameter.", 400);
  }

  /** {@code Could not find operation NoSuchAction for version 2011-06-15}; a missing Version reads NO_VERSION_SPECIFIED. */
  public static AwsError invalidAction(String action, Optional<String> version) {
    return sender("InvalidAction",
        "Could not find operation " + action + " for version " + version.orElse("NO_VERSION_SPECIFIED"), 400);
  }

  public static AwsError invalidAction(QueryRequest request) {
    return invalidAction(request.action(), request.version());
  }

  /** Unverified text (EC2-style); IAM and STS report missing members as {@link #validationNotNull}. */
  public static AwsError missingParameter(String name) {
    return sender("MissingParameter", "The request must contain the parameter " + name, 400);
  }

  /** A {@code ValidationError} with a complete message. */
  public static AwsError validation(String message) {
    return sender("ValidationError", message, 400);
  }

  /**
   * {@code 1 validation error detected: A} or {@code 2 validation errors detected: A; B}, each violation in
   * AWS's form {@code Value 'x' at 'roleArn' failed to satisfy constraint: Member must …}.
   */
  public static AwsError validation(List<String> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("protocol: a validation error needs at least one violation");
    }
    int n = violations.size();
    return validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", violations));
  }

  /** {@code Value null at 'roleArn' failed to satisfy constraint: Member must not be null}, as STS words it. */
  public static AwsError validationNotNull(String memberName) {
    return validation(List.of("Value null at '" + memberName + "' failed to satisfy constraint: Member must not be null"));
  }

  /**
   * A number or timestamp parameter that does not parse. STS: empty message for {@code abc}, {@code 900.0} or an
   * int32 overflow; {@code missing value for decimal type} for an empty value.
   */
  public static AwsError malformedInput(String message) {
    return sender("MalformedInput", message, 400);
  }

  public static AwsError invalidParameterValue(String message) {
    return sender("InvalidParameterValue", message, 400);
  }

  public static AwsError invalidParameterCombination(String message) {
    return sender("InvalidParameterCombination", message, 400);
  }

  /** A form body or query string that does not decode (bad escape, bad UTF-8). Status per CommonErrors (unverified). */
  public static AwsError malformedQueryString(String message) {
    return sender("MalformedQueryString", message, 400);
  }

  /** A body over the configured limit (unverified: AWS's own limit and text are not documented for IAM/STS). */
  public static AwsError requestEntityTooLarge(long size, long limit) {
    return sender("RequestEntityTooLarge",
        "Request body of " + size + " bytes exceeds the maximum of " + limit + " bytes", 400);
  }

  // --- authentication and authorization --------------------------------------------------------------------------

  /** {@code User: arn is not authorized to perform: iam:ListRoles on resource: …}; the caller builds the text. */
  public static AwsError accessDenied(String message) {
    return sender("AccessDenied", message, 403);
  }

  public static AwsError invalidClientTokenId() {
    return sender("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
  }

  public static AwsError signatureDoesNotMatch() {
    return signatureDoesNotMatch("The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
  }

  /** Also the code for clock skew ("Signature expired: …") and credential-scope problems. */
  public static AwsError signatureDoesNotMatch(String message) {
    return sender("SignatureDoesNotMatch", message, 403);
  }

  public static AwsError incompleteSignature(String message) {
    return sender("IncompleteSignature", message, 400);
  }

  public static AwsError missingAuthenticationToken() {
    return sender("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
  }

  public static AwsError expiredToken() {
    return sender("ExpiredToken", "The security token included in the request is expired", 403);
  }

  /** Unverified text. */
  public static AwsError optInRequired() {
    return sender("OptInRequired", "The AWS Access Key Id needs a subscription for the service", 403);
  }

  /** Unverified text. */
  public static AwsError requestExpired() {
    return sender("RequestExpired", "Request has expired.", 400);
  }

  /**
   * The code and text of a SigV4 parse or verification failure ({@code AuthParse.Malformed},
   * {@code VerifyResult.Failed}) with its status.
   */
  public static AwsError fromSigV4(String code, String message) {
    int status = switch (code) {
      case "IncompleteSignature", "MalformedQueryString" -> 400;
      case "SignatureDoesNotMatch", "MissingAuthenticationToken", "InvalidClientTokenId", "ExpiredToken" -> 403;
      default -> throw new IllegalArgumentException("protocol: not a SigV4 error code: " + code);
    };
    return sender(code, message, status);
  }

  // --- throttling and server faults -------------------------------------------------------------------------------

  /** aws-iam-authenticator looks for "Throttling" in the body to answer 429. */
  public static AwsError throttling() {
    return sender("Throttling", "Rate exceeded", 400);
  }

  /** Text from the CommonErrors description (unverified as a response). */
  public static AwsError internalFailure() {
    return new AwsError("InternalFailure",
        "The request processing has failed because of an unknown error, exception or failure.", 500, false);
  }

  /** Text from the CommonErrors description (unverified as a response). */
  public static AwsError serviceUnavailable() {
    return new AwsError("ServiceUnavailable", "The request has failed due to a temporary failure of the server.",
        503, false);
  }
}
