package dev.gatehouse.aws.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a parsed signature against the request and the secret key of its access key.
 *
 * <p>Order of checks, as AWS answers them: the clock ({@link #checkTime}), which needs no secret and can run
 * before the access key is looked up; then {@code X-Amz-Content-SHA256} against the body; then the signature,
 * compared in constant time. Region and service of the scope are the caller's to check with
 * {@link #checkScope}, since only the router knows which service a request is for.
 *
 * <p>A session token may be signed or appended after signing (AWS accepts both). In the header form an
 * unsigned {@code X-Amz-Security-Token} header simply is not in SignedHeaders; for a presigned URL whose
 * signature does not match, the canonical query is tried once more without the token parameter.
 */
public final class SigV4Verifier {
  private static final Set<String> PRESIGN_EXCLUDED = Set.of(SigV4Parser.X_AMZ_SIGNATURE);
  private static final Set<String> PRESIGN_EXCLUDED_WITH_TOKEN =
      Set.of(SigV4Parser.X_AMZ_SIGNATURE, SigV4Parser.X_AMZ_SECURITY_TOKEN);
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private SigV4Verifier() {
  }

  /** Verifies with STS's presigned-URL rule ({@link PresignedValidity#sts()}). */
  public static VerifyResult verify(AuthParse.Signed signed, HttpRequestView request, String secretKey, Instant now,
      Duration skewWindow) {
    return verify(signed, request, secretKey, now, skewWindow, PresignedValidity.sts());
  }

  /**
   * @param skewWindow how far the request time may be from {@code now}: 15 minutes for STS, 5 for most
   *     services
   */
  public static VerifyResult verify(AuthParse.Signed signed, HttpRequestView request, String secretKey, Instant now,
      Duration skewWindow, PresignedValidity presignedValidity) {
    Optional<VerifyResult.Failed> timeProblem = checkTime(signed, now, skewWindow, presignedValidity);
    if (timeProblem.isPresent()) {
      return timeProblem.get();
    }
    Optional<String> payloadHash = payloadHash(request);
    if (payloadHash.isEmpty()) {
      return mismatch();
    }
    byte[] signingKey = SigningKeys.signingKey(secretKey, signed.scope());
    Set<String> excluded = signed.form() == SignatureForm.QUERY ? PRESIGN_EXCLUDED : Set.of();
    if (matches(signed, request, signingKey, excluded, payloadHash.get())) {
      return new VerifyResult.Verified();
    }
    if (signed.form() == SignatureForm.QUERY && signed.securityToken().isPresent()
        && matches(signed, request, signingKey, PRESIGN_EXCLUDED_WITH_TOKEN, payloadHash.get())) {
      return new VerifyResult.Verified();
    }
    return mismatch();
  }

  /**
   * The clock checks, which need no secret: the request time within {@code skewWindow} of {@code now} (AWS's
   * "Signature expired" / "Signature not yet current" texts), and for presigned URLs the
   * {@code X-Amz-Expires} rule the caller chose.
   */
  public static Optional<VerifyResult.Failed> checkTime(AuthParse.Signed signed, Instant now, Duration skewWindow,
      PresignedValidity presignedValidity) {
    Instant requestTime = signed.requestTime();
    Instant clock = now.truncatedTo(ChronoUnit.SECONDS);
    if (requestTime.isAfter(clock.plus(skewWindow))) {
      return failed(SigV4Messages.SIGNATURE_DOES_NOT_MATCH,
          SigV4Messages.signatureNotYetCurrent(requestTime, clock, skewWindow));
    }
    boolean presigned = signed.form() == SignatureForm.QUERY;
    if (presigned && signed.expiresSeconds().isPresent()
        && signed.expiresSeconds().getAsLong() > presignedValidity.maxExpiresSeconds()) {
      return failed(SigV4Messages.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be less than or equal to "
          + presignedValidity.maxExpiresSeconds() + " seconds");
    }
    // Presigned URLs that honour X-Amz-Expires (default 3600 when absent, as botocore signs) end at date +
    // expires; everything else uses the skew window. The "expired" text then names the expiry window.
    Duration window = presigned && presignedValidity.honourExpires()
        ? Duration.ofSeconds(signed.expiresSeconds().orElse(3600))
        : skewWindow;
    if (requestTime.isBefore(clock.minus(window))) {
      return failed(SigV4Messages.SIGNATURE_DOES_NOT_MATCH,
          SigV4Messages.signatureExpired(requestTime, clock, window));
    }
    return Optional.empty();
  }

  /**
   * Region and service of the credential scope, with AWS's combined message (sentences joined by a space),
   * e.g. {@code Credential should be scoped to correct service: 'sts'.}
   */
  public static Optional<VerifyResult.Failed> checkScope(CredentialScope scope, String expectedService,
      Predicate<String> regionIsValid) {
    List<String> problems = new ArrayList<>(2);
    if (!regionIsValid.test(scope.region())) {
      problems.add(SigV4Messages.wrongRegion(scope.region()));
    }
    if (!scope.service().equals(expectedService)) {
      problems.add(SigV4Messages.wrongService(expectedService));
    }
    return problems.isEmpty()
        ? Optional.empty()
        : failed(SigV4Messages.SIGNATURE_DOES_NOT_MATCH, String.join(" ", problems));
  }

  /**
   * The canonical request the verifier builds for {@code signed}: what the client should have signed. For
   * diagnostics and tests; never send it to the client.
   */
  public static CanonicalRequest canonicalRequest(AuthParse.Signed signed, HttpRequestView request) {
    Set<String> excluded = signed.form() == SignatureForm.QUERY ? PRESIGN_EXCLUDED : Set.of();
    return CanonicalRequest.of(request.method(), request.rawPath(), request.rawQuery(), excluded, request.headers(),
        signed.signedHeaders(), payloadHash(request).orElse(bodyHash(request)));
  }

  private static boolean matches(AuthParse.Signed signed, HttpRequestView request, byte[] signingKey,
      Set<String> excludedQueryNames, String payloadHash) {
    CanonicalRequest canonical = CanonicalRequest.of(request.method(), request.rawPath(), request.rawQuery(),
        excludedQueryNames, request.headers(), signed.signedHeaders(), payloadHash);
    StringToSign stringToSign = StringToSign.of(signed.amzDate(), signed.scope(), canonical);
    String expected = Rfc3986.hex(Crypto.hmac(signingKey, stringToSign.text().getBytes(StandardCharsets.UTF_8)));
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signed.signature().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The payload hash line: the body's SHA-256, or the {@code X-Amz-Content-SHA256} header when present (as
   * botocore signs). The header must then match the body, or the body could be swapped under a valid
   * signature; a mismatch (or S3's {@code UNSIGNED-PAYLOAD}) yields empty.
   */
  private static Optional<String> payloadHash(HttpRequestView request) {
    String actual = bodyHash(request);
    Optional<String> declared = request.headers().first("x-amz-content-sha256");
    if (declared.isEmpty()) {
      return Optional.of(actual);
    }
    return declared.get().equalsIgnoreCase(actual) ? declared : Optional.empty();
  }

  private static String bodyHash(HttpRequestView request) {
    return request.body().length == 0 ? EMPTY_SHA256 : Rfc3986.hex(Crypto.sha256(request.body()));
  }

  private static VerifyResult.Failed mismatch() {
    return new VerifyResult.Failed(SigV4Messages.SIGNATURE_DOES_NOT_MATCH, SigV4Messages.SIGNATURE_MISMATCH);
  }

  private static Optional<VerifyResult.Failed> failed(String code, String message) {
    return Optional.of(new VerifyResult.Failed(code, message));
  }
}
