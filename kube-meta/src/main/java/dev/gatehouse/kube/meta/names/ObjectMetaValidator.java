package dev.gatehouse.kube.meta.names;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.FieldPath;
import dev.gatehouse.kube.meta.validation.GoFormat;
import dev.gatehouse.kube.meta.internal.Json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ObjectMeta} validation on create and update, as upstream {@code ValidateObjectMetaAccessor} and
 * {@code ValidateObjectMetaAccessorUpdate} (k8s.io/apimachinery/pkg/api/validation, v0.32). Input is the JSON
 * {@code metadata} object; errors come back in upstream order with paths under {@code metadata}.
 *
 * <p>Like upstream these run after the server has generated a name from {@code generateName} (see
 * {@link NameGenerator}) and, on update, copied the system fields it keeps from the stored object.
 */
public final class ObjectMetaValidator {
    private ObjectMetaValidator() {
    }

    private static final FieldPath METADATA = FieldPath.root("metadata");
    public static final String IMMUTABLE = "field is immutable";
    private static final DateTimeFormatter GO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * Validates metadata of an object being created.
     *
     * @param namespaced whether the resource is namespace-scoped: then {@code metadata.namespace} is required and
     *                   must be a DNS label; otherwise it must be empty
     * @param nameRule   the name format of the resource, see {@link NameRule#forResource}
     */
    public static List<FieldError> validateCreate(JsonNode metadata, boolean namespaced, NameRule nameRule) {
        List<FieldError> errs = new ArrayList<>();
        String generateName = Json.text(metadata, "/generateName");
        if (!generateName.isEmpty()) {
            for (String msg : nameRule.check(generateName, true)) {
                errs.add(FieldError.invalid(METADATA.child("generateName"), generateName, msg));
            }
        }
        String name = Json.text(metadata, "/name");
        if (name.isEmpty()) {
            errs.add(FieldError.required(METADATA.child("name"), "name or generateName is required"));
        } else {
            for (String msg : nameRule.check(name, false)) {
                errs.add(FieldError.invalid(METADATA.child("name"), name, msg));
            }
        }
        String namespace = Json.text(metadata, "/namespace");
        if (namespaced) {
            if (namespace.isEmpty()) {
                errs.add(FieldError.required(METADATA.child("namespace"), ""));
            } else {
                for (String msg : NameRule.DNS1123_LABEL.check(namespace, false)) {
                    errs.add(FieldError.invalid(METADATA.child("namespace"), namespace, msg));
                }
            }
        } else if (!namespace.isEmpty()) {
            errs.add(FieldError.forbidden(METADATA.child("namespace"), "not allowed on this type"));
        }
        long generation = Json.integer(metadata, "/generation");
        if (generation < 0) {
            errs.add(FieldError.invalid(METADATA.child("generation"), generation, "must be greater than or equal to 0"));
        }
        errs.addAll(validateCollections(metadata, true));
        return errs;
    }

    /** Validates metadata of an object being updated against the stored object's metadata. */
    public static List<FieldError> validateUpdate(JsonNode newMetadata, JsonNode oldMetadata) {
        List<FieldError> errs = new ArrayList<>();
        if (Json.time(oldMetadata, "/deletionTimestamp").isPresent()) {
            Set<String> extra = new TreeSet<>(Json.stringList(newMetadata, "/finalizers"));
            extra.removeAll(new LinkedHashSet<>(Json.stringList(oldMetadata, "/finalizers")));
            if (!extra.isEmpty()) {
                errs.add(FieldError.forbidden(METADATA.child("finalizers"),
                        "no new finalizers can be added if the object is being deleted, found new finalizers "
                                + GoFormat.renderValue(List.copyOf(extra))));
            }
        }
        if (Json.text(newMetadata, "/resourceVersion").isEmpty()) {
            errs.add(FieldError.invalid(METADATA.child("resourceVersion"), "", "must be specified for an update"));
        }
        long newGeneration = Json.integer(newMetadata, "/generation");
        if (newGeneration < Json.integer(oldMetadata, "/generation")) {
            errs.add(FieldError.invalid(METADATA.child("generation"), newGeneration, "must not be decremented"));
        }
        immutableText(errs, newMetadata, oldMetadata, "name");
        immutableText(errs, newMetadata, oldMetadata, "namespace");
        immutableText(errs, newMetadata, oldMetadata, "uid");
        Optional<Instant> newCreated = Json.time(newMetadata, "/creationTimestamp");
        if (!newCreated.equals(Json.time(oldMetadata, "/creationTimestamp"))) {
            errs.add(FieldError.invalid(METADATA.child("creationTimestamp"),
                    new GoFormat.GoLiteral(goTime(newCreated.orElse(Json.GO_ZERO_TIME))), IMMUTABLE));
        }
        Optional<Instant> newDeleted = Json.time(newMetadata, "/deletionTimestamp");
        if (!newDeleted.equals(Json.time(oldMetadata, "/deletionTimestamp"))) {
            errs.add(FieldError.invalid(METADATA.child("deletionTimestamp"),
                    newDeleted.<Object>map(t -> new GoFormat.GoLiteral(goTime(t))).orElse(null), IMMUTABLE));
        }
        JsonNode newGrace = Json.at(newMetadata, "/deletionGracePeriodSeconds");
        JsonNode oldGrace = Json.at(oldMetadata, "/deletionGracePeriodSeconds");
        Long newGraceValue = Json.present(newGrace) ? newGrace.asLong() : null;
        Long oldGraceValue = Json.present(oldGrace) ? oldGrace.asLong() : null;
        if (!Objects.equals(newGraceValue, oldGraceValue)) {
            errs.add(FieldError.invalid(METADATA.child("deletionGracePeriodSeconds"), newGraceValue, IMMUTABLE));
        }
        errs.addAll(validateCollections(newMetadata, false));
        return errs;
    }

    private static List<FieldError> validateCollections(JsonNode metadata, boolean create) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(MetadataFieldRules.validateLabels(Json.stringMap(metadata, "/labels"), METADATA.child("labels")));
        errs.addAll(MetadataFieldRules.validateAnnotations(Json.stringMap(metadata, "/annotations"),
                METADATA.child("annotations")));
        errs.addAll(MetadataFieldRules.validateOwnerReferences(Json.at(metadata, "/ownerReferences"),
                METADATA.child("ownerReferences")));
        if (create) {
            // Upstream re-checks labels, annotations and owners on update, but not finalizer names.
            errs.addAll(MetadataFieldRules.validateFinalizers(Json.stringList(metadata, "/finalizers"),
                    METADATA.child("finalizers")));
        }
        errs.addAll(MetadataFieldRules.validateManagedFields(Json.at(metadata, "/managedFields"),
                METADATA.child("managedFields")));
        return errs;
    }

    private static void immutableText(List<FieldError> errs, JsonNode newMetadata, JsonNode oldMetadata, String field) {
        String newValue = Json.text(newMetadata, "/" + field);
        if (!newValue.equals(Json.text(oldMetadata, "/" + field))) {
            errs.add(FieldError.invalid(METADATA.child(field), newValue, IMMUTABLE));
        }
    }

    /** Go's {@code time.Time.String()} for a UTC instant: {@code 2025-01-02 03:04:05 +0000 UTC}. */
    static String goTime(Instant t) {
        String base = GO_TIME.format(t);
        int nanos = t.getNano();
        if (nanos != 0) {
            String frac = String.format("%09d", nanos).replaceAll("0+$", "");
            base = base + "." + frac;
        }
        return base + " +0000 UTC";
    }
}
