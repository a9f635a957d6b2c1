package dev.gatehouse.aws.sigv4;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** What {@link SigV4Parser} found in a request: no signature, a well-formed signature, or a malformed one. */
public sealed interface AuthParse {

  /**
   * Neither an {@code Authorization} header nor an {@code X-Amz-Algorithm} query parameter. Whether that is
   * acceptable is the caller's decision (AssumeRoleWithWebIdentity and AssumeRoleWithSAML arrive unsigned);
   * otherwise answer {@code MissingAuthenticationToken}.
   */
  record Unsigned() implements AuthParse {
  }

  /**
   * A syntactically complete signature, not yet verified.
   *
   * @param form header or presigned URL
   * @param scope the credential scope; the access key still has to be looked up
   * @param signedHeaders the signed header names, lower-case, in the order the client listed them
   * @param signature the hex signature the client sent
   * @param amzDate the request time in ISO-8601 basic format ({@code 20150830T123600Z}) as it enters the string
   *     to sign: {@code X-Amz-Date}, else the {@code Date} header
   * @param expiresSeconds {@code X-Amz-Expires} of a presigned URL
   * @param securityToken {@code X-Amz-Security-Token} (header for the header form, query parameter for the
   *     presigned form); the caller must match it against the session of the access key
   */
  record Signed(SignatureForm form, CredentialScope scope, List<String> signedHeaders, String signature,
      String amzDate, OptionalLong expiresSeconds, Optional<String> securityToken) implements AuthParse {
    public Signed {
      Objects.requireNonNull(form, "form");
      Objects.requireNonNull(scope, "scope");
      signedHeaders = List.copyOf(signedHeaders);
      Objects.requireNonNull(signature, "signature");
      Objects.requireNonNull(amzDate, "amzDate");
      Objects.requireNonNull(expiresSeconds, "expiresSeconds");
      Objects.requireNonNull(securityToken, "securityToken");
    }

    /** {@link #amzDate()} as an instant. */
    public Instant requestTime() {
      return AmzDate.parse(amzDate).orElseThrow();
    }

    /** The security token is left out: it is a credential. */
    @Override
    public String toString() {
      return "Signed[" + form + ", " + scope.credential() + ", SignedHeaders=" + String.join(";", signedHeaders)
          + ", " + amzDate + (expiresSeconds.isPresent() ? ", expires " + expiresSeconds.getAsLong() + "s" : "")
          + (securityToken.isPresent() ? ", with security token" : "") + "]";
    }
  }

  /**
   * The request tries to sign but does so wrongly. {@code code} is the AWS error code to answer with:
   * {@code IncompleteSignature} (400), {@code SignatureDoesNotMatch} (403), {@code MissingAuthenticationToken}
   * (403) or {@code MalformedQueryString} (400); {@code message} is AWS's text.
   */
  record Malformed(String code, String message) implements AuthParse {
    public Malformed {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
