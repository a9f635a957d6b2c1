package dev.gatehouse.kube.meta.labels;

import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.FieldErrors;
import dev.gatehouse.kube.meta.validation.FieldPath;
import dev.gatehouse.kube.meta.validation.GoFormat;
import dev.gatehouse.kube.meta.names.NameFormats;

import java.util.ArrayList;
import java.util.List;

/** Upstream {@code labels.NewRequirement}: validates a key, operator and values and builds the requirement. */
final class RequirementFactory {
    private RequirementFactory() {
    }

    /**
     * @param path the selector's field path, null for a bare string selector (upstream passes a nil path, so
     *             errors read {@code key: ...} and {@code values[0][app]: ...})
     * @throws SelectorParseException with the aggregated field errors when invalid
     */
    static Requirement create(String key, Operator op, List<String> values, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        FieldError keyError = validateKey(key, FieldPath.childOf(path, "key"));
        if (keyError != null) {
            errs.add(keyError);
        }
        FieldPath valuePath = FieldPath.childOf(path, "values");
        // Upstream copies values with append([]string(nil), ...), so an empty list is a nil slice in messages.
        Object shownValues = values.isEmpty() ? new GoFormat.GoLiteral("[]string(nil)") : values;
        switch (op) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    errs.add(FieldError.invalid(valuePath, shownValues, "for 'in', 'notin' operators, values set can't be empty"));
                }
            }
            case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
                if (values.size() != 1) {
                    errs.add(FieldError.invalid(valuePath, shownValues, "exact-match compatibility requires one single value"));
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    errs.add(FieldError.invalid(valuePath, shownValues, "values set must be empty for exists and does not exist"));
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    errs.add(FieldError.invalid(valuePath, shownValues, "for 'Gt', 'Lt' operators, exactly one value is required"));
                }
                for (int i = 0; i < values.size(); i++) {
                    if (Requirements.parseGoInt(values.get(i)) == null) {
                        errs.add(FieldError.invalid(valuePath.index(i), values.get(i),
                                "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }
            }
        }
        for (int i = 0; i < values.size(); i++) {
            List<String> msgs = NameFormats.labelValue(values.get(i));
            if (!msgs.isEmpty()) {
                errs.add(FieldError.invalid(valuePath.index(i).key(key), values.get(i), String.join("; ", msgs)));
            }
        }
        if (!errs.isEmpty()) {
            throw new SelectorParseException(FieldErrors.aggregate(errs), errs);
        }
        return switch (op) {
            case EQUALS, DOUBLE_EQUALS -> new Requirement.Equals(key, values.get(0));
            case NOT_EQUALS -> new Requirement.NotEquals(key, values.get(0));
            case IN -> new Requirement.In(key, values);
            case NOT_IN -> new Requirement.NotIn(key, values);
            case EXISTS -> new Requirement.Exists(key);
            case DOES_NOT_EXIST -> new Requirement.DoesNotExist(key);
            case GREATER_THAN -> new Requirement.GreaterThan(key, values.get(0));
            case LESS_THAN -> new Requirement.LessThan(key, values.get(0));
        };
    }

    /** Upstream {@code validateLabelKey}: all qualified-name problems joined with "; " in one error. */
    static FieldError validateKey(String key, FieldPath path) {
        List<String> msgs = NameFormats.qualifiedName(key);
        return msgs.isEmpty() ? null : FieldError.invalid(path, key, String.join("; ", msgs));
    }
}
