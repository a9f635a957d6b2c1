package dev.gatehouse.kube.meta.names;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.FieldPath;
import dev.gatehouse.kube.meta.validation.GoFormat;
import dev.gatehouse.kube.meta.internal.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validation of the individual {@code ObjectMeta} collections (labels, annotations, finalizers, owner
 * references, managed fields), as upstream {@code ValidateLabels}, {@code ValidateAnnotations}, ... do it.
 * Errors of one collection all carry the collection's path; upstream does not subscript label keys.
 */
public final class MetadataFieldRules {
    private MetadataFieldRules() {
    }

    /** Upstream {@code TotalAnnotationSizeLimitB}: keys plus values, in bytes. */
    public static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;
    /** Upstream {@code FieldManagerMaxLength}. */
    public static final int FIELD_MANAGER_MAX_LENGTH = 128;
    /** Upstream {@code MaxSubresourceNameLength}. */
    public static final int MAX_SUBRESOURCE_NAME_LENGTH = 256;

    /** Label keys must be qualified names and values valid label values. */
    public static List<FieldError> validateLabels(Map<String, String> labels, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        labels.forEach((k, v) -> {
            errs.addAll(validateLabelName(k, path));
            for (String msg : NameFormats.labelValue(v)) {
                errs.add(FieldError.invalid(path, v, msg));
            }
        });
        return errs;
    }

    /** One label key (upstream {@code ValidateLabelName}). */
    public static List<FieldError> validateLabelName(String key, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : NameFormats.qualifiedName(key)) {
            errs.add(FieldError.invalid(path, key, msg));
        }
        return errs;
    }

    /** Annotation keys are case-insensitive qualified names; the whole map may hold at most 256 KiB. */
    public static List<FieldError> validateAnnotations(Map<String, String> annotations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            for (String msg : NameFormats.qualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
                errs.add(FieldError.invalid(path, e.getKey(), msg));
            }
            total += NameFormats.byteLength(e.getKey()) + NameFormats.byteLength(e.getValue());
        }
        if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
            errs.add(FieldError.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
        }
        return errs;
    }

    /** Finalizer names are qualified names; {@code orphan} and {@code foregroundDeletion} exclude each other. */
    public static List<FieldError> validateFinalizers(List<String> finalizers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String f : finalizers) {
            for (String msg : NameFormats.qualifiedName(f)) {
                errs.add(FieldError.invalid(path, f, msg));
            }
        }
        if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
            errs.add(FieldError.invalid(path, List.copyOf(finalizers),
                    "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        return errs;
    }

    /**
     * Owner references need a version, kind, name and uid; v1 Events may not own anything; at most one may be
     * the controller. Paths are not indexed, as upstream ({@code metadata.ownerReferences.uid}).
     */
    public static List<FieldError> validateOwnerReferences(JsonNode ownerReferences, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String firstController = "";
        List<JsonNode> refs = Json.array(ownerReferences, "");
        for (JsonNode ref : refs) {
            String apiVersion = Json.text(ref, "/apiVersion");
            String kind = Json.text(ref, "/kind");
            String name = Json.text(ref, "/name");
            String uid = Json.text(ref, "/uid");
            String[] groupVersion = parseGroupVersion(apiVersion);
            if (groupVersion[1].isEmpty()) {
                errs.add(FieldError.invalid(path.child("apiVersion"), apiVersion, "version must not be empty"));
            }
            if (kind.isEmpty()) {
                errs.add(FieldError.invalid(path.child("kind"), kind, "kind must not be empty"));
            }
            if (name.isEmpty()) {
                errs.add(FieldError.invalid(path.child("name"), name, "name must not be empty"));
            }
            if (uid.isEmpty()) {
                errs.add(FieldError.invalid(path.child("uid"), uid, "uid must not be empty"));
            }
            if (groupVersion[0].isEmpty() && groupVersion[1].equals("v1") && kind.equals("Event")) {
                errs.add(FieldError.invalid(path, new GoFormat.GoLiteral(goOwnerReference(ref)),
                        "/v1, Kind=Event is disallowed from being an owner"));
            }
            if (Json.bool(ref, "/controller")) {
                String current = kind + "/" + name;
                if (!firstController.isEmpty()) {
                    errs.add(FieldError.invalid(path, new GoFormat.GoLiteral(goOwnerReferences(refs)),
                            "Only one reference can have Controller set to true. Found \"true\" in references for "
                                    + firstController + " and " + current));
                } else {
                    firstController = current;
                }
            }
        }
        return errs;
    }

    /** Managed field entries: known operation and type, printable manager of at most 128 bytes. */
    public static List<FieldError> validateManagedFields(JsonNode managedFields, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<JsonNode> entries = Json.array(managedFields, "");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            FieldPath p = path.index(i);
            String operation = Json.text(entry, "/operation");
            if (!operation.equals("Apply") && !operation.equals("Update")) {
                errs.add(FieldError.invalid(p.child("operation"), operation, "must be `Apply` or `Update`"));
            }
            String fieldsType = Json.text(entry, "/fieldsType");
            if (!fieldsType.isEmpty() && !fieldsType.equals("FieldsV1")) {
                errs.add(FieldError.invalid(p.child("fieldsType"), fieldsType, "must be `FieldsV1`"));
            }
            errs.addAll(validateFieldManager(Json.text(entry, "/manager"), p.child("manager")));
            if (NameFormats.byteLength(Json.text(entry, "/subresource")) > MAX_SUBRESOURCE_NAME_LENGTH) {
                errs.add(FieldError.tooLong(p.child("subresource"), MAX_SUBRESOURCE_NAME_LENGTH));
            }
        }
        return errs;
    }

    /** Upstream {@code ValidateFieldManager}: at most 128 bytes, printable characters only. */
    public static List<FieldError> validateFieldManager(String manager, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (NameFormats.byteLength(manager) > FIELD_MANAGER_MAX_LENGTH) {
            errs.add(FieldError.tooLong(path, FIELD_MANAGER_MAX_LENGTH));
        }
        int bytePos = 0;
        for (int i = 0; i < manager.length(); ) {
            int cp = manager.codePointAt(i);
            if (!GoFormat.isPrint(cp)) {
                errs.add(FieldError.invalid(path, manager,
                        String.format("invalid character U+%04X (at position %d)", cp, bytePos)));
            }
            int len = Character.charCount(cp);
            bytePos += NameFormats.byteLength(manager.substring(i, i + len));
            i += len;
        }
        return errs;
    }

    /** Upstream {@code schema.ParseGroupVersion} reduced to {group, version}; unparseable gives empty parts. */
    static String[] parseGroupVersion(String apiVersion) {
        if (apiVersion.isEmpty() || apiVersion.equals("/")) {
            return new String[] {"", ""};
        }
        int slashes = (int) apiVersion.chars().filter(c -> c == '/').count();
        return switch (slashes) {
            case 0 -> new String[] {"", apiVersion};
            case 1 -> {
                int i = apiVersion.indexOf('/');
                yield new String[] {apiVersion.substring(0, i), apiVersion.substring(i + 1)};
            }
            default -> new String[] {"", ""};
        };
    }

    // Go's %#v of v1.OwnerReference; pointer fields print as addresses upstream, which no client relies on.
    private static String goOwnerReference(JsonNode ref) {
        return "v1.OwnerReference{APIVersion:" + GoFormat.quote(Json.text(ref, "/apiVersion"))
                + ", Kind:" + GoFormat.quote(Json.text(ref, "/kind"))
                + ", Name:" + GoFormat.quote(Json.text(ref, "/name"))
                + ", UID:" + GoFormat.quote(Json.text(ref, "/uid"))
                + ", Controller:" + goBoolPointer(ref, "/controller")
                + ", BlockOwnerDeletion:" + goBoolPointer(ref, "/blockOwnerDeletion") + "}";
    }

    private static String goOwnerReferences(List<JsonNode> refs) {
        List<String> parts = new ArrayList<>();
        for (JsonNode ref : refs) {
            parts.add(goOwnerReference(ref).substring("v1.OwnerReference".length()));
        }
        return "[]v1.OwnerReference{" + String.join(", ", parts) + "}";
    }

    private static String goBoolPointer(JsonNode ref, String pointer) {
        return Json.present(Json.at(ref, pointer)) ? "(*bool)(0xc000000000)" : "(*bool)(nil)";
    }
}
