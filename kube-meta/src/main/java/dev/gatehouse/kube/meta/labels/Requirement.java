package dev.gatehouse.kube.meta.labels;

import java.util.List;
import java.util.Map;

/**
 * One term of a label selector. All terms of a selector must match (logical AND). {@link #toString()} renders
 * the term as upstream {@code Requirement.String()} does, values of set operators sorted.
 */
public sealed interface Requirement {

    /** The label key the requirement is about. */
    String key();

    /** Whether a label set satisfies this requirement. */
    boolean matches(Map<String, String> labels);

    /** {@code key=value} or {@code key==value}: the label is present with exactly this value. */
    record Equals(String key, String value) implements Requirement {
        @Override
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key) && labels.get(key).equals(value);
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    /** {@code key!=value}: the label is absent or has another value. */
    record NotEquals(String key, String value) implements Requirement {
        @Override
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key) || !labels.get(key).equals(value);
        }

        @Override
        public String toString() {
            return key + "!=" + value;
        }
    }

    /** {@code key in (a,b)}: the label is present with one of the values. */
    record In(String key, List<String> values) implements Requirement {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key) && values.contains(labels.get(key));
        }

        @Override
        public String toString() {
            return key + " in (" + Requirements.joinSorted(values) + ")";
        }
    }

    /** {@code key notin (a,b)}: the label is absent or has none of the values. */
    record NotIn(String key, List<String> values) implements Requirement {
        public NotIn {
            values = List.copyOf(values);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key) || !values.contains(labels.get(key));
        }

        @Override
        public String toString() {
            return key + " notin (" + Requirements.joinSorted(values) + ")";
        }
    }

    /** {@code key}: the label is present. */
    record Exists(String key) implements Requirement {
        @Override
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key);
        }

        @Override
        public String toString() {
            return key;
        }
    }

    /** {@code !key}: the label is absent. */
    record DoesNotExist(String key) implements Requirement {
        @Override
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key);
        }

        @Override
        public String toString() {
            return "!" + key;
        }
    }

    /**
     * {@code key>N}: the label is present, parses as a 64-bit integer, and is greater than {@code N}.
     * {@code value} keeps the selector's spelling (e.g. {@code 007}) for {@link #toString()}.
     */
    record GreaterThan(String key, String value) implements Requirement {
        public GreaterThan {
            requireInteger(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            Long actual = Requirements.parseLabelInteger(labels, key);
            return actual != null && actual > Requirements.parseGoInt(value);
        }

        @Override
        public String toString() {
            return key + ">" + value;
        }
    }

    /** {@code key<N}: like {@link GreaterThan} with the comparison reversed. */
    record LessThan(String key, String value) implements Requirement {
        public LessThan {
            requireInteger(value);
        }

        @Override
        public boolean matches(Map<String, String> labels) {
            Long actual = Requirements.parseLabelInteger(labels, key);
            return actual != null && actual < Requirements.parseGoInt(value);
        }

        @Override
        public String toString() {
            return key + "<" + value;
        }
    }

    private static void requireInteger(String value) {
        if (Requirements.parseGoInt(value) == null) {
            throw new IllegalArgumentException("not a 64-bit integer: " + value);
        }
    }
}
