package dev.gatehouse.kube.rbac;

/**
 * A {@link PolicyRule} prepared for the authorizer's hot path: arrays instead of lists and the wildcards found
 * once. Decides exactly as {@link PolicyRule#allows}; a test compares the two on generated policies.
 */
final class RuleMatcher {
    private final String[] verbs;
    private final String[] apiGroups;
    private final String[] resources;
    private final String[] resourceNames;
    private final String[] urls;
    private final boolean anyVerb;
    private final boolean anyGroup;
    private final boolean anyResource;

    RuleMatcher(PolicyRule rule) {
        verbs = rule.verbs().toArray(new String[0]);
        apiGroups = rule.apiGroups().toArray(new String[0]);
        resources = rule.resources().toArray(new String[0]);
        resourceNames = rule.resourceNames().toArray(new String[0]);
        urls = rule.nonResourceURLs().toArray(new String[0]);
        anyVerb = rule.verbs().contains(PolicyRule.ALL);
        anyGroup = rule.apiGroups().contains(PolicyRule.ALL);
        anyResource = rule.resources().contains(PolicyRule.ALL);
    }

    boolean allows(Attributes request) {
        if (!anyVerb && !contains(verbs, request.verb())) {
            return false;
        }
        if (!request.resourceRequest()) {
            return urls.length > 0 && urlMatches(request.path());
        }
        if (!anyGroup && !contains(apiGroups, request.apiGroup())) {
            return false;
        }
        if (!anyResource && !resourceMatches(request.resource(), request.subresource())) {
            return false;
        }
        return resourceNames.length == 0 || contains(resourceNames, request.name());
    }

    private boolean resourceMatches(String resource, String subresource) {
        if (subresource.isEmpty()) {
            return contains(resources, resource);
        }
        int split = resource.length();
        int combined = split + 1 + subresource.length();
        for (String r : resources) {
            if (r.length() == combined && r.charAt(split) == '/' && r.startsWith(resource) && r.endsWith(subresource)) {
                return true;
            }
            if (r.length() == subresource.length() + 2 && r.startsWith("*/") && r.endsWith(subresource)) {
                return true;
            }
        }
        return false;
    }

    private boolean urlMatches(String path) {
        for (String u : urls) {
            if (u.equals(PolicyRule.ALL) || u.equals(path)) {
                return true;
            }
            if (u.endsWith("*")) {
                int prefix = PolicyRule.lengthWithoutTrailingStars(u);
                if (path.length() >= prefix && path.regionMatches(0, u, 0, prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(String[] values, String wanted) {
        for (String v : values) {
            if (v.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
