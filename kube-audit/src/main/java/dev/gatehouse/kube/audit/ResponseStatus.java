package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code responseStatus} of an event: a {@code meta/v1 Status} with only the bounded fields upstream copies
 * ({@code status}, {@code message}, {@code reason}, {@code details}, {@code code}). It is written as
 * {@code {"metadata":{},...}} with empty fields and a zero code omitted.
 *
 * @param status  {@code Success}, {@code Failure} or empty
 * @param details {@code null} when absent
 * @param code    the HTTP status code; 0 when not known yet
 */
public record ResponseStatus(String status, String message, String reason, Details details, int code) {
    public ResponseStatus {
        status = orEmpty(status);
        message = orEmpty(message);
        reason = orEmpty(reason);
    }

    /** A status that carries only the HTTP code, as the audit response writer records a successful response. */
    public static ResponseStatus ofCode(int code) {
        return new ResponseStatus("", "", "", null, code);
    }

    /** What kube-apiserver's {@code Unauthorized} handler writes for a failed authentication. */
    public static ResponseStatus unauthorized() {
        return new ResponseStatus("Failure", "Unauthorized", "Unauthorized", null, 401);
    }

    /**
     * Copies the bounded fields of a {@code Status} object, as upstream's {@code LogResponseObject} does for a
     * response that is a Status (errors, and e.g. a delete's success status).
     */
    public static ResponseStatus fromStatusObject(JsonNode status) {
        JsonNode details = status.get("details");
        return new ResponseStatus(text(status, "status"), text(status, "message"), text(status, "reason"),
                details == null || !details.isObject() ? null : Details.fromJson(details),
                status.path("code").asInt(0));
    }

    /** This status with a different HTTP code; the audit response writer overwrites the code it sees sent. */
    public ResponseStatus withCode(int newCode) {
        return new ResponseStatus(status, message, reason, details, newCode);
    }

    /**
     * {@code StatusDetails}; empty fields and a zero {@code retryAfterSeconds} are omitted from the JSON.
     */
    public record Details(String name, String group, String kind, String uid, List<Cause> causes,
                          int retryAfterSeconds) {
        public Details {
            name = orEmpty(name);
            group = orEmpty(group);
            kind = orEmpty(kind);
            uid = orEmpty(uid);
            causes = causes == null ? List.of() : List.copyOf(causes);
        }

        static Details fromJson(JsonNode details) {
            List<Cause> causes = new ArrayList<>();
            for (JsonNode cause : details.path("causes")) {
                causes.add(new Cause(text(cause, "reason"), text(cause, "message"), text(cause, "field")));
            }
            return new Details(text(details, "name"), text(details, "group"), text(details, "kind"),
                    text(details, "uid"), causes, details.path("retryAfterSeconds").asInt(0));
        }
    }

    /** {@code StatusCause}; empty fields are omitted from the JSON. */
    public record Cause(String reason, String message, String field) {
        public Cause {
            reason = orEmpty(reason);
            message = orEmpty(message);
            field = orEmpty(field);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
