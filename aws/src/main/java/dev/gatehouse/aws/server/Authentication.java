package dev.gatehouse.aws.server;

import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.CredentialResolver;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.sigv4.AuthParse;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.sigv4.SigV4Parser;
import dev.gatehouse.aws.sigv4.SigV4Verifier;
import dev.gatehouse.aws.sigv4.VerifyResult;
import java.time.Duration;
import java.time.Instant;

/**
 * SigV4 authentication of a request: parse the Authorization header or presigned query, check the credential
 * scope names the request's service, find the secret behind the key id, verify the signature within STS's
 * 15-minute window. Only STS's unsigned-by-design actions pass without a signature. Shared by the Query
 * pipeline and the EKS REST-JSON pipeline, so both refuse credentials identically; the REST pipeline renames
 * the Query error codes to their JSON-protocol names.
 */
public final class Authentication {
  static final Duration SKEW = Duration.ofMinutes(15);

  public sealed interface Result {}

  /** @param caller null for unsigned actions; @param region the signature scope's region, null when unsigned */
  public record Authenticated(Caller caller, String region) implements Result {}

  /** @param reason for the server log only */
  public record Refused(AwsError error, String reason) implements Result {}

  private final CredentialResolver credentials;
  private final KeyUsage usage;

  Authentication(CredentialResolver credentials, KeyUsage usage) {
    this.credentials = credentials;
    this.usage = usage;
  }

  Result authenticate(HttpRequestView request, OperationSpec spec, Instant now) {
    if (!spec.signed()) {
      return new Authenticated(null, null);
    }
    return authenticate(request, spec.service(), spec.action(), now);
  }

  /**
   * Authenticates a request that must be signed for {@code service} (the SigV4 scope's service, e.g. "eks").
   *
   * @param operation for log texts only
   */
  public Result authenticate(HttpRequestView request, String service, String operation, Instant now) {
    AuthParse parse = SigV4Parser.parse(request);
    if (parse instanceof AuthParse.Malformed m) {
      return new Refused(AwsError.fromSigV4(m.code(), m.message()), "malformed signature: " + m.message());
    }
    if (parse instanceof AuthParse.Unsigned) {
      return new Refused(AwsError.missingAuthenticationToken(), "no signature on " + operation);
    }
    AuthParse.Signed signed = (AuthParse.Signed) parse;
    String scopeService = signed.scope().service();
    if (!scopeService.equals(service)) {
      return new Refused(AwsError.signatureDoesNotMatch("Credential should be scoped to correct service: '"
          + service + "'. "), "scope service " + scopeService + " for a " + service + " action");
    }
    CredentialResolver.Resolution found = credentials.resolve(signed.scope().accessKeyId(), signed.securityToken(), now);
    if (found instanceof CredentialResolver.Refused r) {
      return new Refused(r.error(), r.reason());
    }
    CredentialResolver.Resolved resolved = (CredentialResolver.Resolved) found;
    VerifyResult verified = SigV4Verifier.verify(signed, request, resolved.secret(), now, SKEW);
    if (verified instanceof VerifyResult.Failed f) {
      return new Refused(AwsError.fromSigV4(f.code(), f.message()),
          "signature of " + signed.scope().accessKeyId() + " rejected: " + f.message());
    }
    Caller caller = resolved.caller();
    if (caller instanceof Caller.UserSessionCaller s && !s.session().mfa() && service.equals("iam")) {
      // GetSessionToken credentials without MFA cannot call IAM (AWS documents this restriction).
      return new Refused(AwsError.invalidClientTokenId(), "GetSessionToken credentials without MFA used for IAM");
    }
    usage.used(caller, scopeService, signed.scope().region(), now);
    return new Authenticated(caller, signed.scope().region());
  }
}
