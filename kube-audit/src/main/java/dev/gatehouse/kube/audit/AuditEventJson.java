package dev.gatehouse.kube.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AuditEvent} with the field order and {@code omitempty} rules of the Go {@code audit/v1.Event}
 * struct as kube-apiserver's JSON log backend encodes it.
 */
final class AuditEventJson {
    /** metav1.MicroTime: RFC 3339 in UTC with exactly six fraction digits (truncated, not rounded). */
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditEventJson() {
    }

    static void write(AuditEvent event, StringBuilder out) {
        out.append("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\"");
        field(out, "level", event.level().wireName());
        field(out, "auditID", event.auditId());
        field(out, "stage", event.stage().wireName());
        field(out, "requestURI", event.requestUri());
        field(out, "verb", event.verb());
        name(out, "user");
        user(out, event.user());
        if (event.impersonatedUser() != null) {
            name(out, "impersonatedUser");
            user(out, event.impersonatedUser());
        }
        if (!event.sourceIps().isEmpty()) {
            name(out, "sourceIPs");
            strings(out, event.sourceIps());
        }
        optionalField(out, "userAgent", event.userAgent());
        if (event.objectRef() != null) {
            name(out, "objectRef");
            objectRef(out, event.objectRef());
        }
        if (event.responseStatus() != null) {
            name(out, "responseStatus");
            responseStatus(out, event.responseStatus());
        }
        if (event.requestObject() != null) {
            name(out, "requestObject");
            GoJson.node(out, event.requestObject());
        }
        if (event.responseObject() != null) {
            name(out, "responseObject");
            GoJson.node(out, event.responseObject());
        }
        name(out, "requestReceivedTimestamp");
        microTime(out, event.requestReceivedTimestamp());
        name(out, "stageTimestamp");
        microTime(out, event.stageTimestamp());
        if (!event.annotations().isEmpty()) {
            name(out, "annotations");
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> annotation : event.annotations().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                GoJson.string(out, annotation.getKey());
                out.append(':');
                GoJson.string(out, annotation.getValue());
            }
            out.append('}');
        }
        out.append('}');
    }

    /** Formats a timestamp as metav1.MicroTime does. */
    static String microTime(Instant instant) {
        return MICRO_TIME.format(instant);
    }

    private static void microTime(StringBuilder out, Instant instant) {
        if (instant == null) {
            out.append("null");
        } else {
            out.append('"').append(MICRO_TIME.format(instant)).append('"');
        }
    }

    private static void user(StringBuilder out, AuditUser user) {
        int start = out.length();
        out.append('{');
        optionalFirstAware(out, start, "username", user.username());
        optionalFirstAware(out, start, "uid", user.uid());
        if (!user.groups().isEmpty()) {
            separator(out, start);
            name0(out, "groups");
            strings(out, user.groups());
        }
        if (!user.extra().isEmpty()) {
            separator(out, start);
            name0(out, "extra");
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, List<String>> entry : user.extra().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                GoJson.string(out, entry.getKey());
                out.append(':');
                strings(out, entry.getValue());
            }
            out.append('}');
        }
        out.append('}');
    }

    private static void objectRef(StringBuilder out, ObjectReference ref) {
        int start = out.length();
        out.append('{');
        optionalFirstAware(out, start, "resource", ref.resource());
        optionalFirstAware(out, start, "namespace", ref.namespace());
        optionalFirstAware(out, start, "name", ref.name());
        optionalFirstAware(out, start, "uid", ref.uid());
        optionalFirstAware(out, start, "apiGroup", ref.apiGroup());
        optionalFirstAware(out, start, "apiVersion", ref.apiVersion());
        optionalFirstAware(out, start, "resourceVersion", ref.resourceVersion());
        optionalFirstAware(out, start, "subresource", ref.subresource());
        out.append('}');
    }

    private static void responseStatus(StringBuilder out, ResponseStatus status) {
        // ListMeta is not omitempty, so an empty "metadata":{} always leads.
        out.append("{\"metadata\":{}");
        optionalField(out, "status", status.status());
        optionalField(out, "message", status.message());
        optionalField(out, "reason", status.reason());
        if (status.details() != null) {
            name(out, "details");
            details(out, status.details());
        }
        if (status.code() != 0) {
            name(out, "code");
            out.append(status.code());
        }
        out.append('}');
    }

    private static void details(StringBuilder out, ResponseStatus.Details details) {
        int start = out.length();
        out.append('{');
        optionalFirstAware(out, start, "name", details.name());
        optionalFirstAware(out, start, "group", details.group());
        optionalFirstAware(out, start, "kind", details.kind());
        optionalFirstAware(out, start, "uid", details.uid());
        if (!details.causes().isEmpty()) {
            separator(out, start);
            name0(out, "causes");
            out.append('[');
            for (int i = 0; i < details.causes().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                ResponseStatus.Cause cause = details.causes().get(i);
                int causeStart = out.length();
                out.append('{');
                optionalFirstAware(out, causeStart, "reason", cause.reason());
                optionalFirstAware(out, causeStart, "message", cause.message());
                optionalFirstAware(out, causeStart, "field", cause.field());
                out.append('}');
            }
            out.append(']');
        }
        if (details.retryAfterSeconds() != 0) {
            separator(out, start);
            name0(out, "retryAfterSeconds");
            out.append(details.retryAfterSeconds());
        }
        out.append('}');
    }

    private static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            GoJson.string(out, values.get(i));
        }
        out.append(']');
    }

    /** A field of an object that already has a member, so a comma always precedes it. */
    private static void field(StringBuilder out, String name, String value) {
        name(out, name);
        GoJson.string(out, value);
    }

    private static void optionalField(StringBuilder out, String name, String value) {
        if (!value.isEmpty()) {
            field(out, name, value);
        }
    }

    private static void name(StringBuilder out, String name) {
        out.append(',');
        name0(out, name);
    }

    private static void name0(StringBuilder out, String name) {
        out.append('"').append(name).append("\":");
    }

    /** An omitempty string member of an object opened at {@code start}, which may still be empty. */
    private static void optionalFirstAware(StringBuilder out, int start, String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        separator(out, start);
        name0(out, name);
        GoJson.string(out, value);
    }

    private static void separator(StringBuilder out, int objectStart) {
        if (out.length() > objectStart + 1) {
            out.append(',');
        }
    }
}
