package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Prepares request and response bodies for the log: drops {@code managedFields} when the policy asks (upstream
 * {@code copyWithoutManagedFields}) and applies Gatehouse's redaction, which upstream does not have.
 *
 * <p><b>Deliberate difference from kube-apiserver.</b> Upstream logs bodies verbatim at the Request and
 * RequestResponse levels, Secrets and tokens included; that is why its recommended policies put {@code secrets},
 * {@code tokenreviews} and {@code serviceaccounts/token} at Metadata. Gatehouse never writes secret material,
 * whatever the policy says. Replaced with {@value #REDACTED}:
 * <ul>
 *   <li>every value of {@code data} and {@code stringData} of a v1 Secret, wherever one appears (single objects,
 *   lists, watch events, Table rows), and the {@code kubectl.kubernetes.io/last-applied-configuration} annotation of
 *   a Secret, which holds the applied data;</li>
 *   <li>for requests to core {@code secrets}, the same fields of kind-less bodies (merge, strategic and apply patches,
 *   and the items of a SecretList, which are encoded without kind),
 *   the values JSON patch operations write under {@code /data} or {@code /stringData} or into that annotation, and
 *   the annotation in partial-metadata objects and Table rows;</li>
 *   <li>{@code status.token} of a TokenRequest and {@code spec.token} of a TokenReview, also for kind-less bodies of
 *   {@code serviceaccounts/token} and {@code tokenreviews}.</li>
 * </ul>
 * Keys are kept so the log still shows which entries were written. {@value #REDACTED} is valid base64, so tools that
 * decode logged Secrets as typed objects keep working.
 */
final class BodyScrubber {
    static final String REDACTED = "REDACTED";
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final String LAST_APPLIED_POINTER = "/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration";

    private BodyScrubber() {
    }

    /** A scrubbed deep copy of a request or response object; the input is left untouched. */
    static JsonNode object(JsonNode body, ObjectReference target, boolean omitManagedFields) {
        JsonNode copy = body.deepCopy();
        if (omitManagedFields) {
            removeManagedFields(copy);
        }
        redact(copy, target);
        return copy;
    }

    /** A scrubbed deep copy of a patch body; upstream never strips managedFields from patches. */
    static JsonNode patch(JsonNode patch, ObjectReference target) {
        JsonNode copy = patch.deepCopy();
        if (copy.isArray() && isTarget(target, "", "secrets", "")) {
            redactJsonPatchOnSecret((ArrayNode) copy);
        } else {
            redact(copy, target);
        }
        return copy;
    }

    /** Upstream removes managedFields from an object, from each item of a list and from each Table row's object. */
    static void removeManagedFields(JsonNode body) {
        if (!body.isObject()) {
            return;
        }
        removeFromMetadata(body);
        for (JsonNode item : body.path("items")) {
            removeFromMetadata(item);
        }
        if ("Table".equals(body.path("kind").asText())) {
            for (JsonNode row : body.path("rows")) {
                removeFromMetadata(row.path("object"));
            }
        }
    }

    private static void removeFromMetadata(JsonNode object) {
        if (object.path("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
    }

    private static void redact(JsonNode body, ObjectReference target) {
        if (body instanceof ObjectNode object) {
            if (isTarget(target, "", "secrets", "")) {
                redactSecretFields(object);
                // Items of a typed list are encoded without kind and apiVersion.
                for (JsonNode item : object.path("items")) {
                    if (item instanceof ObjectNode secret) {
                        redactSecretFields(secret);
                    }
                }
            } else if (isTarget(target, "", "serviceaccounts", "token")) {
                redactField(object.path("status"), "token");
            } else if (isTarget(target, "authentication.k8s.io", "tokenreviews", "")) {
                redactField(object.path("spec"), "token");
            }
        }
        redactTree(body, target != null && isTarget(target, "", "secrets", ""));
    }

    /** Walks the whole tree: Secrets and token objects can be nested in lists, Tables and watch events. */
    private static void redactTree(JsonNode node, boolean secretsRequest) {
        if (node instanceof ObjectNode object) {
            String kind = object.path("kind").asText("");
            String apiVersion = object.path("apiVersion").asText("");
            if (kind.equals("Secret") && apiVersion.equals("v1")) {
                redactSecretFields(object);
            } else if (kind.equals("TokenRequest") && apiVersion.startsWith("authentication.k8s.io/")) {
                redactField(object.path("status"), "token");
            } else if (kind.equals("TokenReview") && apiVersion.startsWith("authentication.k8s.io/")) {
                redactField(object.path("spec"), "token");
            }
            if (secretsRequest) {
                // Partial metadata of Secrets (Table rows, PartialObjectMetadataList) has no kind Secret.
                redactLastApplied(object.path("metadata"));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                redactTree(fields.next().getValue(), secretsRequest);
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                redactTree(item, secretsRequest);
            }
        }
    }

    private static void redactSecretFields(ObjectNode secret) {
        redactValues(secret, "data");
        redactValues(secret, "stringData");
        redactLastApplied(secret.path("metadata"));
    }

    private static void redactValues(ObjectNode parent, String field) {
        JsonNode values = parent.get(field);
        if (values instanceof ObjectNode map) {
            Iterator<Map.Entry<String, JsonNode>> entries = map.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!entry.getValue().isNull()) {
                    entry.setValue(TextNode.valueOf(REDACTED));
                }
            }
        } else if (values != null && !values.isNull()) {
            parent.put(field, REDACTED);
        }
    }

    private static void redactLastApplied(JsonNode metadata) {
        redactField(metadata.path("annotations"), LAST_APPLIED);
    }

    private static void redactField(JsonNode parent, String field) {
        if (parent instanceof ObjectNode object && object.hasNonNull(field)) {
            object.put(field, REDACTED);
        }
    }

    /** RFC 6902 operations on a Secret: redact what they would write into secret material. */
    private static void redactJsonPatchOnSecret(ArrayNode operations) {
        for (JsonNode operation : operations) {
            if (!(operation instanceof ObjectNode op) || !op.has("value")) {
                continue;
            }
            String path = op.path("path").asText("");
            JsonNode value = op.get("value");
            if (path.isEmpty() || path.equals("/")) {
                if (value instanceof ObjectNode document) {
                    redactSecretFields(document);
                }
            } else if (path.equals("/data") || path.equals("/stringData")) {
                redactValues(op, "value");
            } else if (path.startsWith("/data/") || path.startsWith("/stringData/") || path.equals(LAST_APPLIED_POINTER)) {
                redactField(op, "value");
            } else if (path.equals("/metadata")) {
                redactLastApplied(value);
            } else if (path.equals("/metadata/annotations")) {
                redactField(value, LAST_APPLIED);
            }
        }
    }

    private static boolean isTarget(ObjectReference target, String group, String resource, String subresource) {
        return target != null && target.apiGroup().equals(group) && target.resource().equals(resource)
                && target.subresource().equals(subresource);
    }
}
