package dev.gatehouse.kube.meta.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Rendering of error lists the way upstream aggregates them into one message. */
public final class FieldErrors {
    private FieldErrors() {
    }

    /**
     * Upstream {@code ErrorList.ToAggregate().Error()}: duplicates (by message) dropped, one error printed bare,
     * several joined with {@code ", "} inside brackets. Empty for an empty list.
     */
    public static String aggregate(List<FieldError> errors) {
        Set<String> messages = new LinkedHashSet<>();
        for (FieldError e : errors) {
            messages.add(e.message());
        }
        return aggregateMessages(new ArrayList<>(messages));
    }

    /** The same bracket rule applied to already-rendered messages (duplicates removed). */
    public static String aggregateMessages(List<String> messages) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(messages));
        if (distinct.isEmpty()) {
            return "";
        }
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        return "[" + String.join(", ", distinct) + "]";
    }

    /**
     * The message of a 422 {@code Invalid} status as {@code errors.NewInvalid} builds it:
     * {@code ConfigMap "Demo_" is invalid: metadata.name: Invalid value: ...}.
     *
     * @param qualifiedKind {@code Kind} or {@code Kind.group} (upstream {@code GroupKind.String()})
     */
    public static String invalidStatusMessage(String qualifiedKind, String name, List<FieldError> errors) {
        String head = qualifiedKind + " " + GoFormat.quote(name) + " is invalid";
        return errors.isEmpty() ? head : head + ": " + aggregate(errors);
    }
}
