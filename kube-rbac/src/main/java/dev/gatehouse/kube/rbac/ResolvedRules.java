package dev.gatehouse.kube.rbac;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that apply to a user in a namespace (ClusterRoleBindings first, then the namespace's RoleBindings)
 * and the role lookups that failed on the way. Rules are additive, so the list is usable even with errors.
 */
public record ResolvedRules(List<PolicyRule> rules, List<ResolutionError> errors) {

    public ResolvedRules {
        rules = List.copyOf(rules);
        errors = List.copyOf(errors);
    }

    /** The aggregated error as the authorizer words it; empty when every role resolved. */
    public String authorizerError() {
        List<String> messages = new ArrayList<>(errors.size());
        errors.forEach(e -> messages.add(e.authorizerMessage()));
        return GoText.aggregate(messages);
    }

    /** The aggregated error as the registry's escalation check words it; empty when every role resolved. */
    public String registryError() {
        List<String> messages = new ArrayList<>(errors.size());
        errors.forEach(e -> messages.add(e.registryMessage()));
        return GoText.aggregate(messages);
    }
}
