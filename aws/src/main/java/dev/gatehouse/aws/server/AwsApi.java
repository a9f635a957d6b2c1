package dev.gatehouse.aws.server;

import dev.gatehouse.aws.api.AwsException;
import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationRegistry;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.auth.RequestFacts;
import dev.gatehouse.aws.iam.IamErrors;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.protocol.Namespaces;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.protocol.QueryParse;
import dev.gatehouse.aws.protocol.QueryRequest;
import dev.gatehouse.aws.protocol.QueryResponses;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import dev.gatehouse.aws.state.AwsState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Query endpoint's pipeline, in order: parse the Query request → find the action → authenticate
 * (SigV4, see {@link Authentication}) → authorise (IAM policy evaluation) → run the operation → render XML,
 * or JSON when the client asks for it. Every refusal is AWS's error document; nothing here throws.
 */
public final class AwsApi implements AwsHandler {
  private static final Logger log = LoggerFactory.getLogger(AwsApi.class);
  private static final int CONFLICT_RETRIES = 5;

  private final OperationRegistry operations;
  private final Authentication authentication;
  private final IamAuthorizer authorizer;
  private final Clock clock;
  private final String unsignedRegion;
  private final AwsAuditLog audit;

  /** @param audit where each request's entry goes; null for none */
  public AwsApi(OperationRegistry operations, Authentication authentication, IamAuthorizer authorizer, Clock clock,
      String unsignedRegion, AwsAuditLog audit) {
    this.audit = audit;
    this.operations = operations;
    this.authentication = authentication;
    this.authorizer = authorizer;
    this.clock = clock;
    this.unsignedRegion = unsignedRegion;
  }

  @Override
  public AwsResponse handle(HttpRequestView request, String sourceIp, boolean secureTransport) {
    Trace trace = new Trace(UUID.randomUUID().toString(), clock.instant());
    AwsResponse response = handle(request, sourceIp, secureTransport, trace);
    if (audit != null) {
      var caller = trace.caller;
      audit.record(new AwsAuditLog.Entry(trace.now, trace.service, trace.action, trace.region, sourceIp,
          caller == null ? null : caller.principalType(), caller == null ? null : caller.arn(),
          caller == null ? null : caller.account(), caller == null ? null : caller.accessKeyId(), response.status(),
          trace.error == null ? null : trace.error.code(), trace.error == null ? null : trace.error.message(),
          trace.reason, trace.requestId));
    }
    return response;
  }

  /** What the audit entry of a request needs, filled in as the stages learn it. */
  private static final class Trace {
    final String requestId;
    final Instant now;
    String service;
    String action;
    String region;
    Caller caller;
    AwsError error;
    String reason;

    Trace(String requestId, Instant now) {
      this.requestId = requestId;
      this.now = now;
    }
  }

  private AwsResponse handle(HttpRequestView request, String sourceIp, boolean secureTransport, Trace trace) {
    String requestId = trace.requestId;
    boolean json = wantsJson(request);
    String namespace = Namespaces.IAM;
    try {
      QueryParse parsed = QueryRequest.parse(request);
      if (parsed instanceof QueryParse.Malformed m) {
        return error(m.error(), namespace, json, trace);
      }
      QueryRequest query = ((QueryParse.Parsed) parsed).request();
      trace.action = query.action();
      if (query.action() == null || query.action().isEmpty()) {
        return error(AwsError.missingAction(), namespace, json, trace);
      }
      Optional<OperationSpec> found = operations.find(query.action());
      if (found.isEmpty()) {
        AwsError invalid = AwsError.invalidAction(query);
        return error(invalid, Namespaces.forError(namespace, invalid), json, trace);
      }
      OperationSpec spec = found.get();
      trace.service = spec.service();
      namespace = spec.service().equals("sts") ? Namespaces.STS : Namespaces.IAM;
      Instant now = trace.now;
      Authentication.Result auth = authentication.authenticate(request, spec, now);
      if (auth instanceof Authentication.Refused r) {
        log.info("AWS request {} {} refused at authentication: {} ({})", requestId, spec.action(), r.error().code(), r.reason());
        trace.reason = r.reason();
        return error(r.error(), namespace, json, trace);
      }
      Authentication.Authenticated who = (Authentication.Authenticated) auth;
      String region = who.region() == null ? unsignedRegion : who.region();
      trace.region = region;
      trace.caller = who.caller();
      OperationContext ctx = new OperationContext(who.caller(), new Params(query), requestId, now, region, sourceIp,
          secureTransport);
      Node result = authorizeAndRun(spec, ctx);
      byte[] body = json ? QueryResponses.json(spec.action(), result, requestId)
          : QueryResponses.xml(namespace, spec.action(), result, requestId);
      return new AwsResponse(200, json ? "application/json" : "text/xml", body, requestId);
    } catch (AwsException e) {
      return error(e.error(), namespace, json, trace);
    } catch (RuntimeException e) {
      log.error("AWS request {} failed", requestId, e);
      return error(AwsError.internalFailure(), namespace, json, trace);
    }
  }

  private Node authorizeAndRun(OperationSpec spec, OperationContext ctx) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (spec.target() != null) {
          Target target = spec.target().apply(ctx);
          IamAuthorizer.Outcome outcome = authorizer.authorize(ctx.caller(), target.action(), target.resource(),
              target.conditionKeys(), new RequestFacts(ctx.now(), ctx.sourceIp(), ctx.secureTransport(), ctx.region()));
          if (!outcome.allowed()) {
            log.info("AWS request {} denied: {}", ctx.requestId(), outcome.message());
            throw new AwsException(AwsError.accessDenied(outcome.message()));
          }
        }
        return spec.operation().run(ctx);
      } catch (AwsState.ConflictException e) {
        if (attempt == CONFLICT_RETRIES) {
          throw IamErrors.concurrentModification();
        }
      }
    }
  }

  private static boolean wantsJson(HttpRequestView request) {
    return request.headers().first("accept").map(a -> a.contains("application/json")).orElse(false);
  }

  private static AwsResponse error(AwsError e, String namespace, boolean json, Trace trace) {
    trace.error = e;
    String requestId = trace.requestId;
    byte[] body = json ? QueryResponses.errorJson(e, requestId) : QueryResponses.errorXml(namespace, e, requestId);
    return new AwsResponse(e.httpStatus(), json ? "application/json" : "text/xml", body, requestId);
  }
}
