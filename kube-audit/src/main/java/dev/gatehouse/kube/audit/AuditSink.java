package dev.gatehouse.kube.audit;

/**
 * Receives finished audit events, upstream's audit backend. Implementations must not block the calling request
 * thread: {@link AuditLog} queues and writes on its own thread.
 */
@FunctionalInterface
public interface AuditSink {
    void process(AuditEvent event);
}
