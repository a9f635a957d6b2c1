package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.labels.LabelSelector;
import dev.gatehouse.kube.meta.labels.SelectorParseException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ClusterRole aggregation controller's computation: a ClusterRole with an {@code aggregationRule} gets the
 * rules of every other ClusterRole whose labels match one of its selectors, taken selector by selector, roles
 * in name order, each rule once (first occurrence wins). The server runs {@link #updates} whenever a ClusterRole
 * is added, changed or removed, and writes each update's rules.
 */
public final class Aggregation {
    private Aggregation() {
    }

    /** A ClusterRole whose stored rules differ from what aggregation gives it. */
    public record Update(String name, List<PolicyRule> rules) {
        public Update {
            rules = List.copyOf(rules);
        }
    }

    /** An aggregated ClusterRole left alone because a selector is invalid (upstream retries and logs it). */
    public record Problem(String name, String message) {
    }

    public record Result(List<Update> updates, List<Problem> problems) {
        public Result {
            updates = List.copyOf(updates);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Every aggregated ClusterRole in {@code clusterRoles} whose rules must change, in name order, with the rules
     * it ends up with. Upstream re-syncs every aggregated role whenever any ClusterRole changes, so roles that
     * feed each other (edit aggregates view, admin aggregates edit) settle after a few rounds; this runs those
     * rounds in memory and returns the settled rules. Roles aggregating each other in a cycle never settle
     * upstream either; the rounds stop after one per aggregated role.
     */
    public static Result updates(Collection<Role> clusterRoles) {
        List<Role> current = new ArrayList<>(clusterRoles);
        current.removeIf(r -> !r.isClusterRole());
        current.sort(Comparator.comparing(Role::name, GoText::compare));
        List<Role> original = List.copyOf(current);
        long aggregated = current.stream().filter(r -> r.aggregationRule() != null).count();
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (long round = 0; round <= aggregated; round++) {
            boolean changed = false;
            for (int i = 0; i < current.size(); i++) {
                Role role = current.get(i);
                if (role.aggregationRule() == null) {
                    continue;
                }
                try {
                    List<PolicyRule> rules = aggregate(role, current);
                    if (!rules.equals(role.rules())) {
                        current.set(i, withRules(role, rules));
                        changed = true;
                    }
                } catch (SelectorParseException e) {
                    problems.put(role.name(), new Problem(role.name(), e.getMessage()));
                }
            }
            if (!changed) {
                break;
            }
        }
        List<Update> updates = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            if (!current.get(i).rules().equals(original.get(i).rules())) {
                updates.add(new Update(current.get(i).name(), current.get(i).rules()));
            }
        }
        return new Result(updates, new ArrayList<>(problems.values()));
    }

    private static Role withRules(Role role, List<PolicyRule> rules) {
        return new Role(role.name(), role.namespace(), role.labels(), role.annotations(), rules,
                role.aggregationRule());
    }

    /**
     * The rules {@code target} aggregates from {@code clusterRoles} (sorted by name or not).
     *
     * @throws SelectorParseException when one of its selectors is invalid
     */
    public static List<PolicyRule> aggregate(Role target, Collection<Role> clusterRoles) {
        List<Role> byName = new ArrayList<>(clusterRoles);
        byName.sort(Comparator.comparing(Role::name, GoText::compare));
        List<PolicyRule> rules = new ArrayList<>();
        if (target.aggregationRule() == null) {
            return target.rules();
        }
        for (JsonNode selectorJson : target.aggregationRule().clusterRoleSelectors()) {
            LabelSelector selector = LabelSelector.fromJson(selectorJson);
            for (Role candidate : byName) {
                if (!candidate.isClusterRole() || candidate.name().equals(target.name())
                        || !selector.matches(candidate.labels())) {
                    continue;
                }
                for (PolicyRule r : candidate.rules()) {
                    if (!rules.contains(r)) {
                        rules.add(r);
                    }
                }
            }
        }
        return List.copyOf(rules);
    }
}
