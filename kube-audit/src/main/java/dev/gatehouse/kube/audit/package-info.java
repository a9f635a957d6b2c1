/**
 * kube-apiserver 1.32 audit logging as a library.
 *
 * <ul>
 *   <li>{@link dev.gatehouse.kube.audit.AuditPolicy}: the {@code audit.k8s.io/v1} Policy, parsed and validated with
 *   upstream's messages, and evaluated per request exactly as upstream's checker
 *   (pkg/audit/policy/checker.go).</li>
 *   <li>{@link dev.gatehouse.kube.audit.Auditor} and {@link dev.gatehouse.kube.audit.RequestAudit}: the stage logic
 *   of upstream's {@code WithAudit} and {@code WithFailedAuthenticationAudit} filters.</li>
 *   <li>{@link dev.gatehouse.kube.audit.AuditEvent}: an {@code audit.k8s.io/v1} Event with the exact JSON
 *   kube-apiserver writes.</li>
 *   <li>{@link dev.gatehouse.kube.audit.AuditLog}: a non-blocking JSON-lines file writer.</li>
 * </ul>
 *
 * <p>Deliberate differences from upstream: secret data and tokens are redacted from logged bodies and request URIs
 * (see {@code BodyScrubber}), and the log writer drops events instead of blocking when it cannot keep up.
 */
package dev.gatehouse.kube.audit;
