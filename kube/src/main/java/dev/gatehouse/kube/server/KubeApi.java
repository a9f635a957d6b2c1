package dev.gatehouse.kube.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.audit.Auditor;
import dev.gatehouse.kube.audit.RequestAudit;
import dev.gatehouse.kube.audit.RequestMetadata;
import dev.gatehouse.kube.auditing.AuditingSink;
import dev.gatehouse.kube.auditing.Audits;
import dev.gatehouse.kube.authn.AuthenticationResult;
import dev.gatehouse.kube.authn.Authenticator;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Authorizer;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.authz.Forbidden;
import dev.gatehouse.kube.cluster.Clusters;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.impersonation.Impersonation;
import dev.gatehouse.kube.request.RequestInfo;
import dev.gatehouse.kube.request.RequestInfoParser;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes API request pipeline, in order: logical cluster → authentication → request info →
 * impersonation → authorization → endpoint (non-resource, discovery, OpenAPI, or resource handlers). Every failure becomes a
 * {@code Status}; nothing unexpected leaves as a stack trace.
 */
public final class KubeApi {
  private static final Logger LOG = LoggerFactory.getLogger(KubeApi.class);
  /** Gatehouse's audit annotation carrying why authentication failed (kube-apiserver logs it nowhere). */
  public static final String AUTHENTICATION_FAILURE_ANNOTATION = "authentication.gatehouse.dev/failure";
  private final Clusters clusters;
  private final Authenticator authenticator;
  private final Impersonation impersonation;
  private final Authorizer authorizer;
  private final Auditor auditor;
  private final Endpoints endpoints;

  public KubeApi(Clusters clusters, Authenticator authenticator, Impersonation impersonation, Authorizer authorizer,
      Auditor auditor, Endpoints endpoints) {
    this.auditor = auditor;
    this.clusters = clusters;
    this.authenticator = authenticator;
    this.impersonation = impersonation;
    this.authorizer = authorizer;
    this.endpoints = endpoints;
  }

  /** What serves a request once it is let in. */
  public interface Endpoints {
    void serve(ApiRequest request, RequestInfo info, LogicalCluster cluster, UserInfo user, ResponseSink sink);
  }

  public void handle(ApiRequest request, ResponseSink sink) {
    String auditId = auditId(request);
    sink.addHeader("Audit-Id", auditId);
    RequestMetadata metadata = Audits.metadata(request, auditId);
    ResponseSink out = sink;
    try {
      LogicalCluster cluster = clusters.get(request.cluster()).orElseThrow(Errors::pathNotFound);
      UserInfo requester = authenticate(request, metadata);
      RequestInfo info = RequestInfoParser.parse(cluster.name(), request.method(), request.path(),
          request.queryParam("watch"), fieldSelectorName(request));
      // audit runs before impersonation, as upstream's filter order has it: the event's user is the requester
      RequestAudit audit = auditor.begin(Audits.attributes(requester, info, request.method(), request.path()),
          metadata, info.verb().equals("watch"));
      audit.requestReceived();
      out = new AuditingSink(sink, audit);
      UserInfo user = impersonation.apply(request, cluster.name(), requester);
      if (user != requester) {
        audit.impersonatedUser(Audits.user(user));
      }
      authorize(user, info, audit);
      Audits.recordRequestBody(audit, request);
      endpoints.serve(request, info, cluster, user, out);
    } catch (StatusException e) {
      out.send(e.code(), "application/json", renderStatus(e), Map.of());
    } catch (RuntimeException e) {
      LOG.error("internal error serving {} {}", request.method(), request.path(), e);
      StatusException status = Errors.internal("an unexpected error occurred; see the server log");
      out.send(500, "application/json", renderStatus(status), Map.of());
    }
  }

  /** A client-supplied Audit-ID is kept (as upstream), else a new one is made. */
  private static String auditId(ApiRequest request) {
    String given = request.header("audit-id");
    return given != null && !given.isBlank() && given.length() <= 128 ? given.trim() : UUID.randomUUID().toString();
  }

  private UserInfo authenticate(ApiRequest request, RequestMetadata metadata) {
    AuthenticationResult result = authenticator.authenticate(request);
    if (!(result instanceof AuthenticationResult.Authenticated)) {
      // the caller gets the generic 401; the reason goes to the server log (below) and the audit event
      RequestAudit audit = auditor.beginFailedAuthentication(
          Audits.attributes(null, null, request.method(), request.path()), metadata);
      audit.annotate(AUTHENTICATION_FAILURE_ANNOTATION, result instanceof AuthenticationResult.Rejected r
          ? r.reason() : "no credentials and anonymous access is disabled");
      audit.responseStatus(dev.gatehouse.kube.audit.ResponseStatus.unauthorized());
      audit.responseStarted(401);
    }
    if (result instanceof AuthenticationResult.Authenticated a) {
      return a.user();
    }
    if (result instanceof AuthenticationResult.Rejected r) {
      LOG.info("authentication rejected for {} {}: {}", request.method(), request.path(), r.reason());
      throw Errors.unauthorized();
    }
    LOG.debug("no credentials on {} {} and anonymous access is disabled", request.method(), request.path());
    throw Errors.unauthorized();
  }

  private void authorize(UserInfo user, RequestInfo info, RequestAudit audit) {
    Decision decision = authorizer.authorize(user, info);
    if (decision.kind() != Decision.Kind.ALLOW) {
      audit.forbidden(decision.reason());
      throw Forbidden.of(user, info, decision.reason());
    }
    audit.allowed(decision.reason());
  }

  private static String fieldSelectorName(ApiRequest request) {
    String selector = request.queryParam("fieldSelector");
    if (selector == null) {
      return null;
    }
    for (String term : selector.split(",")) {
      if (term.startsWith("metadata.name=") && !term.startsWith("metadata.name==")) {
        return term.substring("metadata.name=".length());
      }
      if (term.startsWith("metadata.name==")) {
        return term.substring("metadata.name==".length());
      }
    }
    return null;
  }

  public static byte[] renderStatus(StatusException e) {
    ObjectNode status = e.toStatus();
    return Json.bytes(status);
  }
}
