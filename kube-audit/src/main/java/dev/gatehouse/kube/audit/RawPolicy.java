package dev.gatehouse.kube.audit;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A decoded but not yet validated policy. Levels and stages stay strings here because validation must report the
 * exact value a user wrote ({@code Unsupported value: "Everything"}); {@link #toPolicy()} is only called after
 * {@link PolicyValidator} accepted them.
 */
record RawPolicy(List<Rule> rules, List<String> omitStages, boolean omitManagedFields, List<String> warnings) {

    record Rule(String level, List<String> users, List<String> userGroups, List<String> verbs,
                List<GroupResources> resources, List<String> namespaces, List<String> nonResourceURLs,
                List<String> omitStages, Boolean omitManagedFields) {
    }

    AuditPolicy toPolicy() {
        List<PolicyRule> converted = rules.stream().map(RawPolicy::toRule).toList();
        return new AuditPolicy(converted, stages(omitStages), omitManagedFields, warnings);
    }

    private static PolicyRule toRule(Rule rule) {
        Level level = Level.fromWireName(rule.level())
                .orElseThrow(() -> new IllegalStateException("unvalidated level " + rule.level()));
        return new PolicyRule(level, rule.users(), rule.userGroups(), rule.verbs(), rule.resources(),
                rule.namespaces(), rule.nonResourceURLs(), stages(rule.omitStages()),
                Optional.ofNullable(rule.omitManagedFields()));
    }

    private static Set<Stage> stages(List<String> names) {
        EnumSet<Stage> stages = EnumSet.noneOf(Stage.class);
        for (String name : names) {
            stages.add(Stage.fromWireName(name)
                    .orElseThrow(() -> new IllegalStateException("unvalidated stage " + name)));
        }
        return stages;
    }
}
