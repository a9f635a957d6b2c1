package dev.gatehouse.kube.rbac;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All bindings of a snapshot indexed by the user names and groups their subjects name (ServiceAccount subjects
 * under the user name they stand for), so a request only visits bindings that can apply to it. One lookup per
 * user name or group finds both its ClusterRoleBindings and its RoleBindings per namespace. Visiting keeps the
 * order the bindings were given in, as upstream's scan of all bindings does.
 */
final class BindingIndex {
    private static final int[] NONE = new int[0];

    /** Where one subject key is bound: positions in the cluster list and in each namespace's list. */
    private static final class Entry {
        int[] cluster = NONE;
        Map<String, int[]> namespaces = Map.of();
    }

    private final ResolvedBinding[] cluster;
    private final Map<String, ResolvedBinding[]> namespaced;
    private final Map<String, Entry> byUser;
    private final Map<String, Entry> byGroup;

    BindingIndex(List<ResolvedBinding> bindings) {
        List<ResolvedBinding> clusterList = new ArrayList<>();
        Map<String, List<ResolvedBinding>> namespacedLists = new HashMap<>();
        Map<String, Map<String, List<Integer>>> users = new HashMap<>();
        Map<String, Map<String, List<Integer>>> groups = new HashMap<>();
        for (ResolvedBinding b : bindings) {
            String ns = b.binding.namespace();
            List<ResolvedBinding> scope = ns.isEmpty() ? clusterList
                    : namespacedLists.computeIfAbsent(ns, k -> new ArrayList<>());
            int ordinal = scope.size();
            scope.add(b);
            for (Subject s : b.binding.subjects()) {
                switch (s.kind()) {
                    case Subject.USER -> add(users, s.name(), ns, ordinal);
                    case Subject.GROUP -> add(groups, s.name(), ns, ordinal);
                    case Subject.SERVICE_ACCOUNT -> {
                        String user = s.serviceAccountUser(ns);
                        if (user != null) {
                            add(users, user, ns, ordinal);
                        }
                    }
                    default -> {
                        // Other subject kinds never apply to anyone.
                    }
                }
            }
        }
        this.cluster = clusterList.toArray(new ResolvedBinding[0]);
        this.namespaced = new HashMap<>();
        namespacedLists.forEach((ns, list) -> namespaced.put(ns, list.toArray(new ResolvedBinding[0])));
        this.byUser = freeze(users);
        this.byGroup = freeze(groups);
    }

    int size() {
        int n = cluster.length;
        for (ResolvedBinding[] list : namespaced.values()) {
            n += list.length;
        }
        return n;
    }

    private static void add(Map<String, Map<String, List<Integer>>> index, String key, String ns, int ordinal) {
        List<Integer> list = index.computeIfAbsent(key, k -> new HashMap<>(2))
                .computeIfAbsent(ns, k -> new ArrayList<>(2));
        // A binding naming the same key twice is listed once.
        if (list.isEmpty() || list.get(list.size() - 1) != ordinal) {
            list.add(ordinal);
        }
    }

    private static Map<String, Entry> freeze(Map<String, Map<String, List<Integer>>> index) {
        Map<String, Entry> out = new HashMap<>(index.size() * 2);
        index.forEach((key, byNamespace) -> {
            Entry e = new Entry();
            Map<String, int[]> namespaces = new HashMap<>();
            byNamespace.forEach((ns, ordinals) -> {
                int[] array = ordinals.stream().mapToInt(Integer::intValue).toArray();
                if (ns.isEmpty()) {
                    e.cluster = array;
                } else {
                    namespaces.put(ns, array);
                }
            });
            if (!namespaces.isEmpty()) {
                e.namespaces = namespaces;
            }
            out.put(key, e);
        });
        return out;
    }

    /**
     * Receives each binding that applies; false stops. Being indexed under the user's name or one of its groups
     * is exactly upstream's {@code appliesTo}, so which subject matched is only worked out when a reason needs
     * it ({@link ResolvedBinding#firstSubjectFor}).
     */
    interface Visitor {
        boolean visit(ResolvedBinding binding);
    }

    /**
     * Visits the ClusterRoleBindings, then (for a non-empty {@code namespace}) the namespace's RoleBindings, that
     * have a subject naming the user or one of its groups, each in binding order. False when the visitor stopped.
     */
    boolean visit(String user, List<String> groups, String namespace, Visitor visitor) {
        Entry[] entries = new Entry[groups.size() + 1];
        int count = 0;
        Entry e = byUser.get(user);
        if (e != null) {
            entries[count++] = e;
        }
        for (int g = 0, n = groups.size(); g < n; g++) {
            e = byGroup.get(groups.get(g));
            if (e != null) {
                entries[count++] = e;
            }
        }
        if (count == 0) {
            return true;
        }
        int[][] lists = new int[count][];
        int found = 0;
        for (int i = 0; i < count; i++) {
            if (entries[i].cluster.length > 0) {
                lists[found++] = entries[i].cluster;
            }
        }
        if (!visitScope(cluster, lists, found, visitor)) {
            return false;
        }
        if (namespace.isEmpty()) {
            return true;
        }
        found = 0;
        for (int i = 0; i < count; i++) {
            int[] inNamespace = entries[i].namespaces.get(namespace);
            if (inNamespace != null) {
                lists[found++] = inNamespace;
            }
        }
        return found == 0 || visitScope(namespaced.get(namespace), lists, found, visitor);
    }

    /** Visits the bindings at the positions of the sorted lists, each once and in order. */
    private static boolean visitScope(ResolvedBinding[] scope, int[][] lists, int count, Visitor visitor) {
        if (count == 0) {
            return true;
        }
        if (count == 1) {
            for (int ordinal : lists[0]) {
                if (!visitor.visit(scope[ordinal])) {
                    return false;
                }
            }
            return true;
        }
        int[] heads = new int[count];
        while (true) {
            int next = Integer.MAX_VALUE;
            for (int l = 0; l < count; l++) {
                if (heads[l] < lists[l].length && lists[l][heads[l]] < next) {
                    next = lists[l][heads[l]];
                }
            }
            if (next == Integer.MAX_VALUE) {
                return true;
            }
            for (int l = 0; l < count; l++) {
                if (heads[l] < lists[l].length && lists[l][heads[l]] == next) {
                    heads[l]++;
                }
            }
            if (!visitor.visit(scope[next])) {
                return false;
            }
        }
    }
}
