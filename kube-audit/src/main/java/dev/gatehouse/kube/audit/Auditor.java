package dev.gatehouse.kube.audit;

import java.time.Clock;
import java.util.Objects;

/**
 * The audit entry point of a server: a policy, a sink and a clock. Start a {@link RequestAudit} for each
 * authenticated request, or record a failed authentication, as upstream's {@code WithAudit} and
 * {@code WithFailedAuthenticationAudit} filters do.
 */
public final class Auditor {
    private final AuditPolicy policy;
    private final AuditSink sink;
    private final Clock clock;

    public Auditor(AuditPolicy policy, AuditSink sink) {
        this(policy, sink, Clock.systemUTC());
    }

    public Auditor(AuditPolicy policy, AuditSink sink, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AuditPolicy policy() {
        return policy;
    }

    /**
     * Starts auditing an authenticated request. Evaluate with the user as authenticated, before impersonation.
     *
     * @param longRunning whether the request is long-running (watch, exec, attach, port-forward, proxy, log with
     *                    follow): those also write a ResponseStarted event when the response begins
     */
    public RequestAudit begin(RequestAttributes attributes, RequestMetadata metadata, boolean longRunning) {
        return new RequestAudit(policy.evaluate(attributes), attributes, metadata, sink, clock,
                longRunning ? RequestAudit.Mode.LONG_RUNNING : RequestAudit.Mode.ORDINARY);
    }

    /**
     * Starts auditing a request whose authentication failed. Upstream evaluates the policy without a user and writes
     * a single ResponseStarted event, with {@code "user":{}}, when the 401 is sent: call
     * {@link RequestAudit#responseObject} with the Status written (or {@link RequestAudit#responseStatus}) and then
     * {@link RequestAudit#responseStarted(int)}.
     */
    public RequestAudit beginFailedAuthentication(RequestAttributes attributes, RequestMetadata metadata) {
        RequestAttributes anonymous = attributes.withoutUser();
        RequestMetadata withoutUser = new RequestMetadata(metadata.auditId(), metadata.requestUri(),
                metadata.userAgent(), metadata.sourceIps(), metadata.receivedAt(), AuditUser.NONE);
        return new RequestAudit(policy.evaluate(anonymous), anonymous, withoutUser, sink, clock,
                RequestAudit.Mode.FAILED_AUTHENTICATION);
    }

    /** The whole failed-authentication record for kube-apiserver's standard 401 {@code Unauthorized} Status. */
    public void recordFailedAuthentication(RequestAttributes attributes, RequestMetadata metadata) {
        RequestAudit audit = beginFailedAuthentication(attributes, metadata);
        audit.responseStatus(ResponseStatus.unauthorized());
        audit.responseStarted(401);
    }
}
