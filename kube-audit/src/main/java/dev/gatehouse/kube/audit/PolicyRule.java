package dev.gatehouse.kube.audit;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of an audit policy, upstream {@code audit.PolicyRule}. Every non-empty list must match; empty lists
 * match everything. A rule with {@code resources} or {@code namespaces} matches only resource requests, one with
 * {@code nonResourceURLs} only non-resource requests.
 *
 * @param level             the level of a matching request (never {@code null} in a policy that passed validation)
 * @param omitStages        stages not to write for matching requests (the policy-wide ones are added on evaluation)
 * @param omitManagedFields overrides the policy-wide setting when present
 */
public record PolicyRule(
        Level level,
        List<String> users,
        List<String> userGroups,
        List<String> verbs,
        List<GroupResources> resources,
        List<String> namespaces,
        List<String> nonResourceURLs,
        Set<Stage> omitStages,
        Optional<Boolean> omitManagedFields) {

    public PolicyRule {
        users = copy(users);
        userGroups = copy(userGroups);
        verbs = copy(verbs);
        resources = resources == null ? List.of() : List.copyOf(resources);
        namespaces = copy(namespaces);
        nonResourceURLs = copy(nonResourceURLs);
        omitStages = omitStages == null ? Set.of() : Stages.ordered(omitStages);
        omitManagedFields = omitManagedFields == null ? Optional.empty() : omitManagedFields;
    }

    /** A rule that matches every request at {@code level}. */
    public static PolicyRule matchAll(Level level) {
        return new PolicyRule(level, null, null, null, null, null, null, null, null);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
