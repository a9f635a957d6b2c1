package dev.gatehouse.kube.rbac;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * component-helpers' {@code Covers}: whether owner rules grant everything requested rules grant. Requested rules
 * are broken into atoms (one group, resource, verb and at most one name; or one URL and verb), and each atom
 * must fit inside a single owner rule. Wildcards cover only when the owner holds the wildcard itself:
 * enumerating every verb does not cover {@code *}.
 */
public final class Covers {
    private Covers() {
    }

    /** The atoms of {@code requested} no owner rule covers, in breakdown order; empty when covered. */
    public static List<PolicyRule> uncovered(List<PolicyRule> owner, List<PolicyRule> requested) {
        List<PolicyRule> missing = new ArrayList<>();
        for (PolicyRule servant : requested) {
            for (PolicyRule atom : breakdown(servant)) {
                if (!coveredByAny(owner, atom)) {
                    missing.add(atom);
                }
            }
        }
        return missing;
    }

    public static boolean covers(List<PolicyRule> owner, List<PolicyRule> requested) {
        return uncovered(owner, requested).isEmpty();
    }

    /** Upstream {@code BreakdownRule}: group × resource × verb (× name), then URL × verb. */
    public static List<PolicyRule> breakdown(PolicyRule rule) {
        List<PolicyRule> atoms = new ArrayList<>();
        for (String group : rule.apiGroups()) {
            for (String resource : rule.resources()) {
                for (String verb : rule.verbs()) {
                    if (rule.resourceNames().isEmpty()) {
                        atoms.add(new PolicyRule(List.of(verb), List.of(group), List.of(resource), List.of(),
                                List.of()));
                    } else {
                        for (String name : rule.resourceNames()) {
                            atoms.add(new PolicyRule(List.of(verb), List.of(group), List.of(resource),
                                    List.of(name), List.of()));
                        }
                    }
                }
            }
        }
        for (String url : rule.nonResourceURLs()) {
            for (String verb : rule.verbs()) {
                atoms.add(PolicyRule.urls(List.of(verb), List.of(url)));
            }
        }
        return atoms;
    }

    private static boolean coveredByAny(List<PolicyRule> owner, PolicyRule atom) {
        for (PolicyRule o : owner) {
            if (ruleCovers(o, atom)) {
                return true;
            }
        }
        return false;
    }

    /** Upstream {@code ruleCovers}: does one owner rule cover one atom? */
    static boolean ruleCovers(PolicyRule owner, PolicyRule atom) {
        boolean verbs = owner.verbs().contains(PolicyRule.ALL) || hasAll(owner.verbs(), atom.verbs());
        boolean groups = owner.apiGroups().contains(PolicyRule.ALL) || hasAll(owner.apiGroups(), atom.apiGroups());
        boolean resources = resourceCoversAll(owner.resources(), atom.resources());
        boolean urls = urlsCoverAll(owner.nonResourceURLs(), atom.nonResourceURLs());
        boolean names = atom.resourceNames().isEmpty()
                ? owner.resourceNames().isEmpty()
                : owner.resourceNames().isEmpty() || hasAll(owner.resourceNames(), atom.resourceNames());
        return verbs && groups && resources && names && urls;
    }

    private static boolean hasAll(List<String> set, List<String> wanted) {
        Set<String> owning = new HashSet<>(set);
        return owning.containsAll(wanted);
    }

    private static boolean resourceCoversAll(List<String> owned, List<String> wanted) {
        if (owned.contains(PolicyRule.ALL) || hasAll(owned, wanted)) {
            return true;
        }
        for (String path : wanted) {
            if (owned.contains(path)) {
                continue;
            }
            int slash = path.indexOf('/');
            if (slash < 0 || !owned.contains("*/" + path.substring(slash + 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean urlsCoverAll(List<String> owned, List<String> wanted) {
        for (String path : wanted) {
            boolean covered = false;
            for (String o : owned) {
                if (urlCovers(o, path)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** Upstream {@code nonResourceURLCovers}: equal, or the owner ends in {@code *} and prefixes the path. */
    static boolean urlCovers(String owner, String path) {
        if (owner.equals(path)) {
            return true;
        }
        return owner.endsWith("*") && path.startsWith(owner.substring(0, PolicyRule.lengthWithoutTrailingStars(owner)));
    }
}
