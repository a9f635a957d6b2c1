package dev.gatehouse.kube.meta.labels;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.GoFormat;
import dev.gatehouse.kube.meta.internal.GoStrings;
import dev.gatehouse.kube.meta.internal.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed label selector: an AND of {@link Requirement}s, or the special selector that matches nothing (what a
 * null {@code metav1.LabelSelector} means). Immutable; requirements are kept sorted by key as upstream does.
 *
 * <p>{@link #toString()} is upstream {@code Selector.String()}: terms joined by commas, so
 * {@code parse("b=1, a in (y,x)")} prints {@code a in (x,y),b=1}; the nothing-selector prints as empty.
 */
public final class LabelSelector {
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
    private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

    private final List<Requirement> requirements;
    private final boolean matchesNothing;

    private LabelSelector(List<Requirement> requirements, boolean matchesNothing) {
        this.requirements = requirements;
        this.matchesNothing = matchesNothing;
    }

    /** Matches every label set (the empty selector). */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /** Matches no label set (a null {@code metav1.LabelSelector}). */
    public static LabelSelector nothing() {
        return NOTHING;
    }

    /** A selector of the given requirements, sorted by key. */
    public static LabelSelector of(List<Requirement> requirements) {
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort(Comparator.comparing(Requirement::key, GoStrings::compare));
        return new LabelSelector(List.copyOf(sorted), false);
    }

    /**
     * Parses the string syntax ({@code labelSelector=} query parameter, {@code kubectl -l}).
     *
     * @throws SelectorParseException with upstream's message when the selector is malformed or invalid
     */
    public static LabelSelector parse(String selector) {
        return of(SelectorParser.parse(selector));
    }

    /**
     * Converts a {@code metav1.LabelSelector} object ({@code matchLabels}, {@code matchExpressions} with
     * operators {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}), as upstream
     * {@code LabelSelectorAsSelector}: null or missing matches nothing, an empty object matches everything.
     *
     * @throws SelectorParseException with upstream's message, e.g. {@code "Gt" is not a valid label selector
     *                                operator} or the aggregated key/value validation errors
     */
    public static LabelSelector fromJson(JsonNode selector) {
        if (!Json.present(selector)) {
            return NOTHING;
        }
        Map<String, String> matchLabels = Json.stringMap(selector, "/matchLabels");
        List<JsonNode> expressions = Json.array(selector, "/matchExpressions");
        if (matchLabels.isEmpty() && expressions.isEmpty()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        matchLabels.forEach((k, v) -> requirements.add(RequirementFactory.create(k, Operator.EQUALS, List.of(v), null)));
        for (JsonNode expression : expressions) {
            String operator = Json.text(expression, "/operator");
            Operator op = switch (operator) {
                case "In" -> Operator.IN;
                case "NotIn" -> Operator.NOT_IN;
                case "Exists" -> Operator.EXISTS;
                case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
                default -> throw new SelectorParseException(
                        GoFormat.quote(operator) + " is not a valid label selector operator");
            };
            requirements.add(RequirementFactory.create(Json.text(expression, "/key"), op,
                    Json.stringList(expression, "/values"), null));
        }
        return of(requirements);
    }

    /** A selector requiring every label of {@code labels} to be present with its value (no validation). */
    public static LabelSelector fromSet(Map<String, String> labels) {
        List<Requirement> requirements = new ArrayList<>();
        labels.forEach((k, v) -> requirements.add(new Requirement.Equals(k, v)));
        return of(requirements);
    }

    public boolean matches(Map<String, String> labels) {
        if (matchesNothing) {
            return false;
        }
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** True for a selector without requirements that matches everything (upstream {@code Empty()}). */
    public boolean isEmpty() {
        return !matchesNothing && requirements.isEmpty();
    }

    public boolean matchesNothing() {
        return matchesNothing;
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    /**
     * The single value the selector requires for {@code key} (via {@code =}, {@code ==} or a one-value
     * {@code in}), upstream {@code RequiresExactMatch}; used to narrow a list to one index bucket.
     */
    public Optional<String> requiresExactMatch(String key) {
        for (Requirement r : requirements) {
            if (r.key().equals(key)) {
                if (r instanceof Requirement.Equals eq) {
                    return Optional.of(eq.value());
                }
                if (r instanceof Requirement.In in && in.values().size() == 1) {
                    return Optional.of(in.values().get(0));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector other && other.matchesNothing == matchesNothing
                && other.requirements.equals(requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requirements, matchesNothing);
    }
}
