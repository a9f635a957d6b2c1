package dev.gatehouse.kube.audit;

/** Whether one policy rule matches a request: upstream {@code ruleMatches} in pkg/audit/policy/checker.go. */
final class RuleMatcher {
    private RuleMatcher() {
    }

    static boolean matches(PolicyRule rule, RequestAttributes request) {
        if (!rule.users().isEmpty()
                && (!request.authenticated() || !rule.users().contains(request.user()))) {
            return false;
        }
        if (!rule.userGroups().isEmpty()
                && (!request.authenticated() || request.groups().stream().noneMatch(rule.userGroups()::contains))) {
            return false;
        }
        if (!rule.verbs().isEmpty() && !rule.verbs().contains(request.verb())) {
            return false;
        }
        // Namespaces or resources make this a resource rule even when nonResourceURLs is also set (validation
        // rejects that combination, but the checker's precedence is kept anyway).
        if (!rule.namespaces().isEmpty() || !rule.resources().isEmpty()) {
            return matchesResource(rule, request);
        }
        if (!rule.nonResourceURLs().isEmpty()) {
            return matchesNonResource(rule, request);
        }
        return true;
    }

    private static boolean matchesNonResource(PolicyRule rule, RequestAttributes request) {
        if (request.resourceRequest()) {
            return false;
        }
        return rule.nonResourceURLs().stream().anyMatch(spec -> pathMatches(request.path(), spec));
    }

    static boolean pathMatches(String path, String spec) {
        if (spec.equals("*") || spec.equals(path)) {
            return true;
        }
        // Go's strings.TrimRight(spec, "*") strips every trailing star, so "/logs**" behaves like "/logs*".
        return spec.endsWith("*") && path.startsWith(trimTrailingStars(spec));
    }

    private static String trimTrailingStars(String spec) {
        int end = spec.length();
        while (end > 0 && spec.charAt(end - 1) == '*') {
            end--;
        }
        return spec.substring(0, end);
    }

    private static boolean matchesResource(PolicyRule rule, RequestAttributes request) {
        if (!request.resourceRequest()) {
            return false;
        }
        // Cluster-scoped requests have the empty namespace, so namespaces: [""] selects them.
        if (!rule.namespaces().isEmpty() && !rule.namespaces().contains(request.namespace())) {
            return false;
        }
        if (rule.resources().isEmpty()) {
            return true;
        }
        String resource = request.resource();
        String subresource = request.subresource();
        String combined = subresource.isEmpty() ? resource : resource + "/" + subresource;
        for (GroupResources groupResources : rule.resources()) {
            if (!groupResources.group().equals(request.apiGroup())) {
                continue;
            }
            if (groupResources.resources().isEmpty()) {
                return true;
            }
            boolean nameMatches = groupResources.resourceNames().isEmpty()
                    || groupResources.resourceNames().contains(request.name());
            if (!nameMatches) {
                continue;
            }
            for (String spec : groupResources.resources()) {
                if (spec.equals(combined) || spec.equals("*")) {
                    return true;
                }
                if (!subresource.isEmpty() && spec.startsWith("*/") && subresource.equals(spec.substring(2))) {
                    return true;
                }
                if (spec.endsWith("/*") && resource.equals(spec.substring(0, spec.length() - 2))) {
                    return true;
                }
            }
        }
        return false;
    }
}
