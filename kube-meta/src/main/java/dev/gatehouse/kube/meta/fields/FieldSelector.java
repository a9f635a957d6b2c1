package dev.gatehouse.kube.meta.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A parsed field selector: an AND of {@link FieldRequirement}s, or the selector that matches nothing. Terms are
 * kept in upstream's order (sorted by their source text). {@link #toString()} is upstream {@code String()}.
 */
public final class FieldSelector {
    private static final FieldSelector EVERYTHING = new FieldSelector(List.of(), false);
    private static final FieldSelector NOTHING = new FieldSelector(List.of(), true);

    private final List<FieldRequirement> requirements;
    private final boolean matchesNothing;

    private FieldSelector(List<FieldRequirement> requirements, boolean matchesNothing) {
        this.requirements = requirements;
        this.matchesNothing = matchesNothing;
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    public static FieldSelector nothing() {
        return NOTHING;
    }

    public static FieldSelector of(List<FieldRequirement> requirements) {
        return requirements.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(requirements), false);
    }

    /**
     * Parses the {@code fieldSelector=} syntax: comma separated {@code field=value}, {@code field==value},
     * {@code field!=value}; in values {@code \\}, {@code \,} and {@code \=} escape those characters.
     *
     * @throws FieldSelectorException with upstream's message for malformed input
     */
    public static FieldSelector parse(String selector) {
        return of(FieldSelectorParser.parse(selector));
    }

    /** Whether an object matches; {@code fieldValue} returns a field's value, null (read as "") when absent. */
    public boolean matches(Function<String, String> fieldValue) {
        if (matchesNothing) {
            return false;
        }
        for (FieldRequirement r : requirements) {
            if (!r.matches(fieldValue.apply(r.field()))) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return !matchesNothing && requirements.isEmpty();
    }

    public boolean matchesNothing() {
        return matchesNothing;
    }

    public List<FieldRequirement> requirements() {
        return requirements;
    }

    /** The value an {@code =} term requires for {@code field}, upstream {@code RequiresExactMatch}. */
    public Optional<String> requiresExactMatch(String field) {
        for (FieldRequirement r : requirements) {
            if (r.field().equals(field) && r.operator() == FieldRequirement.Operator.EQUALS) {
                return Optional.of(r.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Rewrites every term (upstream {@code Transform}); a term the function maps to an empty field and value
     * is dropped. Used for field label conversion, see {@link SelectableFields#convert}.
     */
    public FieldSelector transform(UnaryOperator<FieldRequirement> fn) {
        if (matchesNothing) {
            return this;
        }
        List<FieldRequirement> out = new ArrayList<>();
        for (FieldRequirement r : requirements) {
            FieldRequirement t = fn.apply(r);
            if (!(t.field().isEmpty() && t.value().isEmpty())) {
                out.add(t);
            }
        }
        return of(out);
    }

    @Override
    public String toString() {
        return requirements.stream().map(FieldRequirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSelector other && other.matchesNothing == matchesNothing
                && other.requirements.equals(requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requirements, matchesNothing);
    }
}
