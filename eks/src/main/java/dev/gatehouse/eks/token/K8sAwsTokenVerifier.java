package dev.gatehouse.eks.token;

import dev.gatehouse.kube.authn.tokens.serviceaccount.GoText;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.CredentialResolver;
import dev.gatehouse.aws.sigv4.AuthParse;
import dev.gatehouse.aws.sigv4.CredentialScope;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.PresignedValidity;
import dev.gatehouse.aws.sigv4.SigV4Messages;
import dev.gatehouse.aws.sigv4.SigV4Parser;
import dev.gatehouse.aws.sigv4.SigV4Verifier;
import dev.gatehouse.aws.sigv4.SignatureForm;
import dev.gatehouse.aws.sigv4.VerifyResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Verifies {@code k8s-aws-v1.} bearer tokens ({@code aws eks get-token}, aws-iam-authenticator's client) the
 * way aws-iam-authenticator's server does, except that the presigned {@code GetCallerIdentity} inside is not
 * sent to STS: its SigV4 signature is checked here, against Gatehouse's own credentials.
 *
 * <p>Checks, in upstream's order and with its texts (prefixed {@code input token was not properly formatted: }):
 * length ≤ 4096, base64url, URL syntax, scheme and host ({@link StsHosts}), path {@code /}, the query
 * ({@link PresignedQuery}: parameters, action, {@code x-k8s-aws-id} signed, {@code X-Amz-Expires},
 * {@code X-Amz-Date}), expiry 15 minutes after {@code X-Amz-Date} whatever {@code X-Amz-Expires} says. Then
 * what STS would check, reported as upstream reports an STS refusal ({@code sts getCallerIdentity failed: CODE:
 * detail}), in the order of Gatehouse's own AWS endpoint: the signature's syntax, the scope (service
 * {@code sts}; for an AWS hostname its region), the access key and its session token, the clock (a request
 * time more than 15 minutes ahead is refused), and the signature over {@code GET /?query} with the headers
 * {@code host} (the URL's {@code host[:port]}) and {@code x-k8s-aws-id: <cluster>}: a token minted for another
 * cluster or another host does not verify.
 *
 * <p>A token without the {@code k8s-aws-v1.} prefix is {@link TokenVerification.NotApplicable} (whatever its
 * size), so other authenticators can try it; one with the prefix is verified or rejected. Reasons are for the
 * server and audit logs: they name access key ids, hosts and dates, never a secret, a session token or a
 * signature. Nothing is cached: each call does the whole work.
 */
public final class K8sAwsTokenVerifier implements TokenVerifier {
  static final String PREFIX = "k8s-aws-v1.";
  static final int MAX_TOKEN_LENGTH = 4096;
  /** STS accepts a presigned URL for 15 minutes either side of its X-Amz-Date, as Gatehouse's endpoint does. */
  static final Duration STS_WINDOW = Duration.ofMinutes(15);
  static final String FORMAT_ERROR = "input token was not properly formatted: ";
  static final String STS_ERROR = "sts getCallerIdentity failed: ";
  private static final TokenVerification NOT_APPLICABLE = new TokenVerification.NotApplicable();

  /** How an access key id becomes a caller and its secret; {@link CredentialResolver#resolve} in production. */
  @FunctionalInterface
  interface KeyResolver {
    CredentialResolver.Resolution resolve(String accessKeyId, Optional<String> securityToken, Instant now);
  }

  private final KeyResolver keys;
  private final StsHosts hosts;
  private final Clock clock;

  /**
   * @param credentials Gatehouse's access keys and session tokens
   * @param hosts where tokens may point
   * @param clock for expiry; the same clock the AWS endpoint uses
   */
  public K8sAwsTokenVerifier(CredentialResolver credentials, StsHosts hosts, Clock clock) {
    this(Objects.requireNonNull(credentials, "credentials")::resolve, hosts, clock);
  }

  K8sAwsTokenVerifier(KeyResolver keys, StsHosts hosts, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public TokenVerification verify(String token, String clusterName) {
    Objects.requireNonNull(clusterName, "clusterName");
    if (token == null || !token.startsWith(PREFIX)) {
      return NOT_APPLICABLE;
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      return malformed("token is too large");
    }
    RawUrlBase64.Result decoded = RawUrlBase64.decode(token, PREFIX.length());
    if (decoded instanceof RawUrlBase64.Illegal illegal) {
      return malformed(illegal.message());
    }
    PresignedUrl.Parse parse = PresignedUrl.parse(((RawUrlBase64.Decoded) decoded).text());
    if (parse instanceof PresignedUrl.Unparseable unparseable) {
      return malformed(unparseable.message());
    }
    PresignedUrl url = ((PresignedUrl.Parsed) parse).url();
    StsHosts.HostCheck host = hosts.check(url.scheme(), url.host());
    if (host instanceof StsHosts.Refused refused) {
      return malformed(refused.message());
    }
    if (!url.rawPath().equals("/")) {
      return malformed("unexpected path in pre-signed URL");
    }
    PresignedQuery.Check query = PresignedQuery.check(url.rawQuery());
    if (query instanceof PresignedQuery.Invalid invalid) {
      return malformed(invalid.message());
    }
    PresignedQuery.Valid valid = (PresignedQuery.Valid) query;
    Instant now = clock.instant();
    if (expired(valid, now)) {
      return malformed("X-Amz-Date parameter is expired (" + STS_WINDOW.toMinutes() + " minute expiration) "
          + AmzDateParameter.goString(valid.requestTime()));
    }
    return verifySignature(url, host, clusterName, now);
  }

  /**
   * Upstream refuses a token whose X-Amz-Date is more than 15 minutes old before anything else is looked at.
   * That is STS's presigned-URL window, so it is asked of the SigV4 code that implements the window, for the
   * date alone (the clock check reads nothing but the form and the request time).
   */
  private static boolean expired(PresignedQuery.Valid date, Instant now) {
    String amzDate = date.amzDate();
    AuthParse.Signed dateOnly = new AuthParse.Signed(SignatureForm.QUERY,
        new CredentialScope("", amzDate.substring(0, 8), "", "sts"), List.of("host"), "", amzDate,
        OptionalLong.empty(), Optional.empty());
    return SigV4Verifier.checkTime(dateOnly, now, STS_WINDOW, PresignedValidity.sts()).isPresent()
        && date.requestTime().isBefore(now);
  }

  /** What STS would check of the presigned request, had it been sent with {@code x-k8s-aws-id: clusterName}. */
  private TokenVerification verifySignature(PresignedUrl url, StsHosts.HostCheck host, String clusterName,
      Instant now) {
    HttpRequestView request = new HttpRequestView("GET", "/", url.rawQuery(),
        Headers.of("host", url.host(), PresignedQuery.CLUSTER_ID_HEADER, clusterName), null);
    AuthParse parse = SigV4Parser.parse(request);
    if (parse instanceof AuthParse.Unsigned) {
      return stsRefused(SigV4Messages.MISSING_AUTHENTICATION_TOKEN, SigV4Messages.MISSING_TOKEN);
    }
    if (parse instanceof AuthParse.Malformed m) {
      return stsRefused(m.code(), m.message());
    }
    AuthParse.Signed signed = (AuthParse.Signed) parse;
    String signingRegion = host instanceof StsHosts.AwsEndpoint aws ? aws.signingRegion() : null;
    Optional<VerifyResult.Failed> scope = SigV4Verifier.checkScope(signed.scope(), "sts",
        region -> signingRegion == null || signingRegion.equals(region));
    if (scope.isPresent()) {
      return stsRefused(scope.get().code(), scope.get().message());
    }
    CredentialResolver.Resolution resolution = keys.resolve(signed.scope().accessKeyId(), signed.securityToken(), now);
    if (resolution instanceof CredentialResolver.Refused refused) {
      return stsRefused(refused.error().code(), refused.reason());
    }
    CredentialResolver.Resolved resolved = (CredentialResolver.Resolved) resolution;
    // The clock (a request time more than 15 minutes ahead; the expired side was refused above), then the
    // signature: the order of Gatehouse's own AWS endpoint, which also looks the key up first.
    VerifyResult verified = SigV4Verifier.verify(signed, request, resolved.secret(), now, STS_WINDOW);
    if (verified instanceof VerifyResult.Failed failed) {
      return stsRefused(failed.code(), failed.message() + " (verified for host " + GoText.quote(url.host())
          + " and " + PresignedQuery.CLUSTER_ID_HEADER + " " + GoText.quote(clusterName) + ")");
    }
    return identity(resolved.caller());
  }

  /** The caller as upstream reads GetCallerIdentity's answer: canonical ARN, and user id split for roles. */
  private static TokenVerification identity(Caller caller) {
    ArnCanonicalizer.Result canonical = ArnCanonicalizer.canonicalize(caller.arn());
    if (canonical instanceof ArnCanonicalizer.Invalid invalid) {
      return new TokenVerification.Rejected(STS_ERROR + invalid.message());
    }
    ArnCanonicalizer.Canonical c = (ArnCanonicalizer.Canonical) canonical;
    String userId = caller.userId();
    String principalId = userId;
    String sessionName = null;
    switch (c.type()) {
      case USER, ROOT, FEDERATED_USER -> {
      }
      case ROLE, ASSUMED_ROLE -> {
        String[] parts = userId.split(":", -1);
        if (parts.length != 2) {
          return new TokenVerification.Rejected(STS_ERROR + "malformed UserID " + GoText.quote(userId));
        }
        principalId = parts[0];
        sessionName = parts[1];
      }
    }
    return new TokenVerification.Verified(new AwsIdentity(caller.arn(), c.arn(), caller.account(), userId,
        principalId, sessionName, caller.accessKeyId()));
  }

  private static TokenVerification malformed(String message) {
    return new TokenVerification.Rejected(FORMAT_ERROR + message);
  }

  private static TokenVerification stsRefused(String code, String detail) {
    return new TokenVerification.Rejected(STS_ERROR + code + ": " + detail);
  }

  @Override
  public String toString() {
    return "K8sAwsTokenVerifier[" + hosts + "]";
  }
}
