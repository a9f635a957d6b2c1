package dev.gatehouse.kube.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The parts of an event that come from the HTTP request rather than from the authorizer attributes.
 *
 * @param auditId    the request's audit ID: the {@code Audit-ID} request header when the client sent one, otherwise a
 *                   fresh UUID; the same value goes back in the {@code Audit-Id} response header
 * @param requestUri the path and raw query as received, e.g. {@code /api/v1/namespaces/default/pods?limit=500}
 * @param userAgent  the {@code User-Agent} header; longer than 1024 bytes is truncated as upstream does
 * @param sourceIps  upstream's {@code SourceIPs}: the {@code X-Forwarded-For} entries, then {@code X-Real-Ip}, then
 *                   the peer address, without duplicates
 * @param receivedAt when the request arrived; the RequestReceived event's timestamp
 * @param user       the authenticated user with uid and extra, or {@code null} to derive name and groups from the
 *                   {@link RequestAttributes} (and {@link AuditUser#NONE} when nobody is authenticated)
 */
public record RequestMetadata(String auditId, String requestUri, String userAgent, List<String> sourceIps,
                              Instant receivedAt, AuditUser user) {
    private static final int MAX_USER_AGENT_BYTES = 1024;
    private static final String TRUNCATED_SUFFIX = "...TRUNCATED";

    public RequestMetadata {
        auditId = auditId == null ? "" : auditId;
        requestUri = requestUri == null ? "" : requestUri;
        userAgent = truncateUserAgent(userAgent == null ? "" : userAgent);
        sourceIps = sourceIps == null ? List.of() : List.copyOf(sourceIps);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Upstream cuts the header at 1024 bytes (not characters) and marks the cut. */
    private static String truncateUserAgent(String userAgent) {
        byte[] bytes = userAgent.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_USER_AGENT_BYTES) {
            return userAgent;
        }
        return new String(bytes, 0, MAX_USER_AGENT_BYTES, StandardCharsets.UTF_8) + TRUNCATED_SUFFIX;
    }
}
