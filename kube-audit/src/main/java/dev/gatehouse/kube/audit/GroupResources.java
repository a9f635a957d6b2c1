package dev.gatehouse.kube.audit;

import java.util.List;

/**
 * One {@code resources} entry of a policy rule, upstream {@code GroupResources}.
 *
 * @param group         the API group; empty is the core group
 * @param resources     resource names such as {@code pods}, {@code pods/log}, {@code *}, {@code *}{@code /status}
 *                      or {@code pods/*}; empty matches every resource of the group
 * @param resourceNames object names; empty matches every name
 */
public record GroupResources(String group, List<String> resources, List<String> resourceNames) {
    public GroupResources {
        group = group == null ? "" : group;
        resources = resources == null ? List.of() : List.copyOf(resources);
        resourceNames = resourceNames == null ? List.of() : List.copyOf(resourceNames);
    }
}
