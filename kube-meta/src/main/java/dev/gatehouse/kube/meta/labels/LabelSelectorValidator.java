package dev.gatehouse.kube.meta.labels;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.FieldPath;
import dev.gatehouse.kube.meta.internal.Json;
import dev.gatehouse.kube.meta.names.MetadataFieldRules;
import dev.gatehouse.kube.meta.names.NameFormats;

import java.util.ArrayList;
import java.util.List;

/**
 * Validation of a {@code metav1.LabelSelector} object inside a resource (e.g. {@code spec.selector} of a
 * Deployment), as upstream {@code ValidateLabelSelector} with default options.
 */
public final class LabelSelectorValidator {
    private LabelSelectorValidator() {
    }

    /** Errors of {@code selector} (null or missing is valid), with paths under {@code path}. */
    public static List<FieldError> validate(JsonNode selector, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (!Json.present(selector)) {
            return errs;
        }
        errs.addAll(MetadataFieldRules.validateLabels(Json.stringMap(selector, "/matchLabels"), path.child("matchLabels")));
        List<JsonNode> expressions = Json.array(selector, "/matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            errs.addAll(validateRequirement(expressions.get(i), path.child("matchExpressions").index(i)));
        }
        return errs;
    }

    private static List<FieldError> validateRequirement(JsonNode requirement, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String operator = Json.text(requirement, "/operator");
        List<String> values = Json.stringList(requirement, "/values");
        switch (operator) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    errs.add(FieldError.required(path.child("values"),
                            "must be specified when `operator` is 'In' or 'NotIn'"));
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    errs.add(FieldError.forbidden(path.child("values"),
                            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }
            }
            default -> errs.add(FieldError.invalid(path.child("operator"), operator, "not a valid selector operator"));
        }
        errs.addAll(MetadataFieldRules.validateLabelName(Json.text(requirement, "/key"), path.child("key")));
        for (int i = 0; i < values.size(); i++) {
            for (String msg : NameFormats.labelValue(values.get(i))) {
                errs.add(FieldError.invalid(path.child("values").index(i), values.get(i), msg));
            }
        }
        return errs;
    }
}
