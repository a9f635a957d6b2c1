package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One {@code audit.k8s.io/v1} Event: an immutable snapshot of a request at one {@link Stage}. {@link #toJson()}
 * renders it exactly as kube-apiserver's log backend writes it. Optional parts are {@code null} (objects) or empty
 * (strings, lists, maps) when absent.
 *
 * <p>{@code requestObject} and {@code responseObject} are written as given; {@link RequestAudit} is what applies the
 * policy level, {@code omitManagedFields} and Gatehouse's redaction before building an event. Nodes handed to the
 * builder must not be modified afterwards.
 */
public record AuditEvent(
        Level level,
        String auditId,
        Stage stage,
        String requestUri,
        String verb,
        AuditUser user,
        AuditUser impersonatedUser,
        List<String> sourceIps,
        String userAgent,
        ObjectReference objectRef,
        ResponseStatus responseStatus,
        JsonNode requestObject,
        JsonNode responseObject,
        Instant requestReceivedTimestamp,
        Instant stageTimestamp,
        Map<String, String> annotations) {

    public AuditEvent {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(stage, "stage");
        auditId = orEmpty(auditId);
        requestUri = orEmpty(requestUri);
        verb = orEmpty(verb);
        user = user == null ? AuditUser.NONE : user;
        sourceIps = sourceIps == null ? List.of() : List.copyOf(sourceIps);
        userAgent = orEmpty(userAgent);
        annotations = annotations == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this event, e.g. to change the stage. */
    public Builder toBuilder() {
        return new Builder().level(level).auditId(auditId).stage(stage).requestUri(requestUri).verb(verb)
                .user(user).impersonatedUser(impersonatedUser).sourceIps(sourceIps).userAgent(userAgent)
                .objectRef(objectRef).responseStatus(responseStatus).requestObject(requestObject)
                .responseObject(responseObject).requestReceivedTimestamp(requestReceivedTimestamp)
                .stageTimestamp(stageTimestamp).annotations(annotations);
    }

    /** The event as one line of kube-apiserver's JSON audit log, without the trailing newline. */
    public String toJson() {
        StringBuilder out = new StringBuilder(512);
        AuditEventJson.write(this, out);
        return out.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Builds an {@link AuditEvent}; level and stage are required, everything else is optional. */
    public static final class Builder {
        private Level level;
        private String auditId;
        private Stage stage;
        private String requestUri;
        private String verb;
        private AuditUser user;
        private AuditUser impersonatedUser;
        private List<String> sourceIps;
        private String userAgent;
        private ObjectReference objectRef;
        private ResponseStatus responseStatus;
        private JsonNode requestObject;
        private JsonNode responseObject;
        private Instant requestReceivedTimestamp;
        private Instant stageTimestamp;
        private final Map<String, String> annotations = new TreeMap<>();

        private Builder() {
        }

        public Builder level(Level level) {
            this.level = level;
            return this;
        }

        public Builder auditId(String auditId) {
            this.auditId = auditId;
            return this;
        }

        public Builder stage(Stage stage) {
            this.stage = stage;
            return this;
        }

        public Builder requestUri(String requestUri) {
            this.requestUri = requestUri;
            return this;
        }

        public Builder verb(String verb) {
            this.verb = verb;
            return this;
        }

        public Builder user(AuditUser user) {
            this.user = user;
            return this;
        }

        public Builder impersonatedUser(AuditUser impersonatedUser) {
            this.impersonatedUser = impersonatedUser;
            return this;
        }

        public Builder sourceIps(List<String> sourceIps) {
            this.sourceIps = sourceIps;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder objectRef(ObjectReference objectRef) {
            this.objectRef = objectRef;
            return this;
        }

        public Builder responseStatus(ResponseStatus responseStatus) {
            this.responseStatus = responseStatus;
            return this;
        }

        public Builder requestObject(JsonNode requestObject) {
            this.requestObject = requestObject;
            return this;
        }

        public Builder responseObject(JsonNode responseObject) {
            this.responseObject = responseObject;
            return this;
        }

        public Builder requestReceivedTimestamp(Instant requestReceivedTimestamp) {
            this.requestReceivedTimestamp = requestReceivedTimestamp;
            return this;
        }

        public Builder stageTimestamp(Instant stageTimestamp) {
            this.stageTimestamp = stageTimestamp;
            return this;
        }

        public Builder annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        public Builder annotations(Map<String, String> values) {
            annotations.clear();
            annotations.putAll(values);
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(level, auditId, stage, requestUri, verb, user, impersonatedUser, sourceIps,
                    userAgent, objectRef, responseStatus, requestObject, responseObject, requestReceivedTimestamp,
                    stageTimestamp, annotations);
        }
    }
}
