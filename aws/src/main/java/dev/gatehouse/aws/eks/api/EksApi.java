package dev.gatehouse.aws.eks.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.auth.RequestFacts;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.server.Authentication;
import dev.gatehouse.aws.server.AwsAuditLog;
import dev.gatehouse.aws.server.AwsHandler;
import dev.gatehouse.aws.server.AwsResponse;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.state.AwsState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EKS REST-JSON pipeline, in order: match method and URI template → authenticate (SigV4 scoped to
 * {@code eks}, the same {@link Authentication} as the Query pipeline) → decode query and JSON body → authorise
 * {@code eks:<Operation>} on the operation's resource ARN with the IAM policy engine → run → render JSON.
 * Every refusal is an EKS error document ({@link EksError}); nothing here throws.
 *
 * <p>A path that matches no served operation (including EKS operations Gatehouse does not implement, and every
 * path when no cluster host is configured) is answered as AWS's request dispatcher answers a request no
 * operation claims: 404 {@code UnknownOperationException} (an AWS engineer's description of the service
 * framework's default, smithy-lang/smithy#1368). That answer comes before authentication, as dispatch does.
 * AWS sends it without a message; this one names the method and path, so the CLI's error line says what was
 * not found.
 */
public final class EksApi implements AwsHandler {
  private static final Logger log = LoggerFactory.getLogger(EksApi.class);
  private static final int CONFLICT_RETRIES = 5;
  private static final Map<String, String> JSON_AUTH_CODES = Map.of(
      "InvalidClientTokenId", "UnrecognizedClientException",
      "SignatureDoesNotMatch", "InvalidSignatureException",
      "IncompleteSignature", "IncompleteSignatureException",
      "MissingAuthenticationToken", "MissingAuthenticationTokenException",
      "ExpiredToken", "ExpiredTokenException");

  private final EksRoutes routes;
  private final Authentication authentication;
  private final IamAuthorizer authorizer;
  private final Clock clock;
  private final AwsAuditLog audit;

  /**
   * @param specs the served operations; empty when no cluster host is configured (every path is unknown)
   * @param audit where each request's entry goes; null for none
   */
  public EksApi(List<EksOperationSpec> specs, Authentication authentication, IamAuthorizer authorizer, Clock clock,
      AwsAuditLog audit) {
    this.routes = new EksRoutes(specs);
    this.authentication = authentication;
    this.authorizer = authorizer;
    this.clock = clock;
    this.audit = audit;
  }

  /** What the audit entry needs, filled in as the stages learn it. */
  private static final class Trace {
    final String requestId = UUID.randomUUID().toString();
    Instant now;
    String operation;
    String region;
    Caller caller;
    EksError error;
    String reason;
  }

  @Override
  public AwsResponse handle(HttpRequestView request, String sourceIp, boolean secureTransport) {
    Trace trace = new Trace();
    trace.now = clock.instant();
    AwsResponse response;
    try {
      response = handle(request, sourceIp, secureTransport, trace);
    } catch (EksException e) {
      response = error(e.error(), trace);
    } catch (RuntimeException e) {
      log.error("EKS request {} failed", trace.requestId, e);
      response = error(EksError.of("ServerException", "An internal error occurred. Retry the request."), trace);
    }
    if (audit != null) {
      Caller c = trace.caller;
      audit.record(new AwsAuditLog.Entry(trace.now, "eks", trace.operation, trace.region, sourceIp,
          c == null ? null : c.principalType(), c == null ? null : c.arn(), c == null ? null : c.account(),
          c == null ? null : c.accessKeyId(), response.status(), trace.error == null ? null : trace.error.code(),
          trace.error == null ? null : trace.error.message(), trace.reason, trace.requestId));
    }
    return response;
  }

  private AwsResponse handle(HttpRequestView request, String sourceIp, boolean secureTransport, Trace trace) {
    Optional<EksRoutes.Match> match = routes.match(request.method(), request.rawPath());
    if (match.isEmpty()) {
      return error(EksError.of("UnknownOperationException", "Unknown operation: " + request.method() + " "
          + request.rawPath()), trace);
    }
    EksOperationSpec spec = match.get().spec();
    trace.operation = spec.operation();
    Authentication.Result auth = authentication.authenticate(request, "eks", spec.operation(), trace.now);
    if (auth instanceof Authentication.Refused r) {
      log.info("EKS request {} {} refused at authentication: {} ({})", trace.requestId, spec.operation(),
          r.error().code(), r.reason());
      trace.reason = r.reason();
      return error(jsonAuthError(r.error()), trace);
    }
    Authentication.Authenticated who = (Authentication.Authenticated) auth;
    trace.caller = who.caller();
    trace.region = who.region();
    EksRequest parsed = EksRequest.parse(request, match.get().labels());
    EksContext ctx = new EksContext(who.caller(), parsed, trace.requestId, trace.now, who.region(), sourceIp,
        secureTransport);
    ObjectNode result = authorizeAndRun(spec, ctx);
    return new AwsResponse(200, EksJson.CONTENT_TYPE, EksJson.bytes(result), trace.requestId);
  }

  private ObjectNode authorizeAndRun(EksOperationSpec spec, EksContext ctx) {
    for (int attempt = 1; ; attempt++) {
      try {
        Target target = spec.target().apply(ctx);
        IamAuthorizer.Outcome outcome = authorizer.authorize(ctx.caller(), target.action(), target.resource(),
            target.conditionKeys(), new RequestFacts(ctx.now(), ctx.sourceIp(), ctx.secureTransport(), ctx.region()));
        if (!outcome.allowed()) {
          log.info("EKS request {} denied: {}", ctx.requestId(), outcome.message());
          // EKS answers AccessDenied in the older form, without the reason clause (observed in EKS errors
          // users report, e.g. "... on resource: arn:aws:eks:...:cluster/x" and "... with an explicit deny")
          throw EksError.of("AccessDeniedException", outcome.messageWithoutReason()).exception();
        }
        return spec.run().run(ctx);
      } catch (AwsState.ConflictException e) {
        if (attempt == CONFLICT_RETRIES) {
          // 500 is what the SDKs retry; the state it raced with is already committed.
          throw EksError.of("ServerException", "A concurrent request changed the same resource. Retry the request.")
              .exception();
        }
      }
    }
  }

  /** SigV4 refusals under the names AWS's JSON protocols give them (the Query names on the left). */
  static EksError jsonAuthError(AwsError e) {
    String code = JSON_AUTH_CODES.getOrDefault(e.code(), e.code());
    return new EksError(code, e.httpStatus(), e.message(), Map.of());
  }

  private static AwsResponse error(EksError e, Trace trace) {
    trace.error = e;
    return e.response(trace.requestId);
  }
}
