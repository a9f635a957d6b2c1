package dev.gatehouse.kube.rbac;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated roles, bindings and requests of a chosen size, for the oracle and speed tests. */
final class SyntheticPolicy {
    private static final String[] VERBS = {"get", "list", "watch", "create", "update", "delete"};
    private static final String[] RESOURCES = {"pods", "configmaps", "secrets", "services", "deployments", "jobs"};
    private static final String[] SUBRESOURCES = {"", "", "", "status", "log", "scale"};
    private static final String[] GROUPS = {"", "apps", "batch"};

    final List<Role> roles = new ArrayList<>();
    final List<Binding> bindings = new ArrayList<>();
    final int namespaces;
    final int users;
    final int teams;

    /**
     * {@code bindingCount} bindings (one in twenty a ClusterRoleBinding, the rest RoleBindings spread over one
     * namespace per hundred bindings) over {@code roleCount} roles (a quarter ClusterRoles).
     */
    SyntheticPolicy(int bindingCount, int roleCount, Random random, boolean withDanglingRefs) {
        namespaces = Math.max(1, bindingCount / 100);
        users = Math.max(2, bindingCount / 2);
        teams = Math.max(2, bindingCount / 20);
        int clusterRoles = Math.max(1, roleCount / 4);
        int rolesPerNamespace = Math.max(1, (roleCount - clusterRoles) / namespaces);
        for (int i = 0; i < clusterRoles; i++) {
            roles.add(Role.clusterRole("cr-" + i, rules(random)));
        }
        for (int ns = 0; ns < namespaces; ns++) {
            for (int i = 0; i < rolesPerNamespace; i++) {
                roles.add(Role.namespaced("ns-" + ns, "role-" + i, rules(random)));
            }
        }
        for (int k = 0; k < bindingCount; k++) {
            List<Subject> subjects = new ArrayList<>();
            subjects.add(new Subject(Subject.USER, "rbac.authorization.k8s.io", "user-" + random.nextInt(users), ""));
            if (random.nextBoolean()) {
                subjects.add(new Subject(Subject.GROUP, "rbac.authorization.k8s.io", "team-" + random.nextInt(teams), ""));
            }
            if (random.nextInt(4) == 0) {
                subjects.add(new Subject(Subject.SERVICE_ACCOUNT, "", "sa-" + random.nextInt(users),
                        random.nextBoolean() ? "" : "ns-" + random.nextInt(namespaces)));
            }
            String missing = withDanglingRefs && random.nextInt(10) == 0 ? "-missing" : "";
            if (k % 20 == 0) {
                bindings.add(Binding.clusterBinding("crb-" + k,
                        new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "cr-" + random.nextInt(clusterRoles) + missing),
                        subjects));
            } else {
                String ns = "ns-" + random.nextInt(namespaces);
                RoleRef ref = random.nextBoolean()
                        ? new RoleRef("rbac.authorization.k8s.io", "Role", "role-" + random.nextInt(rolesPerNamespace) + missing)
                        : new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "cr-" + random.nextInt(clusterRoles) + missing);
                bindings.add(Binding.namespaced(ns, "rb-" + k, ref, subjects));
            }
        }
    }

    private static final String[] URL_RULES = {"/healthz", "/api/*", "/apis", "*", "/metrics"};
    private static final String[] PATHS = {"/healthz", "/api/v1", "/apis", "/metrics", "/version"};

    /** Mostly plain rules, with the occasional wildcard verb, group or resource, {@code *}/sub, and URL rule. */
    private static List<PolicyRule> rules(Random random) {
        List<PolicyRule> rules = new ArrayList<>();
        int n = 2 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            List<String> verbs = random.nextInt(12) == 0 ? List.of("*") : pick(random, VERBS, 1 + random.nextInt(3));
            if (random.nextInt(10) == 0) {
                rules.add(PolicyRule.urls(verbs, List.of(URL_RULES[random.nextInt(URL_RULES.length)])));
                continue;
            }
            String resource = random.nextInt(15) == 0 ? "*" : RESOURCES[random.nextInt(RESOURCES.length)];
            String sub = SUBRESOURCES[random.nextInt(SUBRESOURCES.length)];
            String group = random.nextInt(12) == 0 ? "*" : GROUPS[random.nextInt(GROUPS.length)];
            List<String> names = random.nextInt(5) == 0 ? List.of("n-" + random.nextInt(3)) : List.of();
            rules.add(new PolicyRule(verbs, List.of(group),
                    List.of(sub.isEmpty() ? resource : resource + "/" + sub), names, List.of()));
        }
        return rules;
    }

    private static List<String> pick(Random random, String[] from, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String v = from[random.nextInt(from.length)];
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * A request by a user some binding names (or a service account), cluster-wide or in a namespace; half of the
     * namespaced ones go to a namespace where one of the user's bindings is, so every size of policy has
     * bindings to visit.
     */
    Attributes request(Random random) {
        String user = random.nextInt(5) == 0
                ? "system:serviceaccount:ns-" + random.nextInt(namespaces) + ":sa-" + random.nextInt(users)
                : "user-" + random.nextInt(users);
        List<String> groups = List.of("team-" + random.nextInt(teams), "system:authenticated");
        String ns = random.nextInt(10) == 0 ? "" : "ns-" + random.nextInt(namespaces);
        if (!ns.isEmpty() && random.nextBoolean()) {
            Binding b = bindings.get(random.nextInt(bindings.size()));
            if (!b.isClusterRoleBinding()) {
                user = b.subjects().get(0).name();
                ns = b.namespace();
            }
        }
        if (random.nextInt(10) == 0) {
            return Attributes.nonResource(user, groups, VERBS[random.nextInt(VERBS.length)],
                    PATHS[random.nextInt(PATHS.length)]);
        }
        String sub = SUBRESOURCES[random.nextInt(SUBRESOURCES.length)];
        String name = random.nextBoolean() ? "n-" + random.nextInt(3) : "";
        return Attributes.resource(user, groups, VERBS[random.nextInt(VERBS.length)],
                GROUPS[random.nextInt(GROUPS.length)], RESOURCES[random.nextInt(RESOURCES.length)], sub, ns, name);
    }
}
