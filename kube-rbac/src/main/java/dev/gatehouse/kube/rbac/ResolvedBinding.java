package dev.gatehouse.kube.rbac;

import java.util.List;

/**
 * A binding with its role already looked up, as a policy snapshot holds it: either the role's rules or the
 * error the lookup gave, and for each subject the allow reason it would produce.
 */
final class ResolvedBinding {
    private static final int USER_NAME = 0;
    private static final int GROUP = 1;
    private static final int NOBODY = 2;

    final Binding binding;
    final PolicyRule[] rules;
    final RuleMatcher[] matchers;
    final ResolutionError error;
    /**
     * A one-word summary of which (verb, resource) pairs the rules could grant, so most bindings that cannot
     * grant a resource request are passed over without touching their rules. {@code anyPair} when a wildcard
     * verb or resource makes the summary useless.
     */
    private final long pairMask;
    private final boolean anyPair;
    private final String[] allowReasons;
    // Per subject: what it matches on (a user name, which ServiceAccounts resolve to, or a group) and the key.
    private final int[] subjectKinds;
    private final String[] subjectKeys;

    ResolvedBinding(Binding binding, List<PolicyRule> rules, ResolutionError error) {
        this.binding = binding;
        this.rules = rules == null ? null : rules.toArray(new PolicyRule[0]);
        this.error = error;
        long mask = 0;
        boolean any = false;
        if (rules != null) {
            for (PolicyRule r : rules) {
                for (String verb : r.verbs()) {
                    for (String resource : r.resources()) {
                        int slash = resource.indexOf('/');
                        String base = slash < 0 ? resource : resource.substring(0, slash);
                        any |= verb.equals(PolicyRule.ALL) || base.equals(PolicyRule.ALL);
                        mask |= pairBit(verb, base);
                    }
                }
            }
        }
        this.pairMask = mask;
        this.anyPair = any;
        if (rules == null) {
            this.matchers = null;
        } else {
            this.matchers = new RuleMatcher[rules.size()];
            for (int i = 0; i < matchers.length; i++) {
                matchers[i] = new RuleMatcher(rules.get(i));
            }
        }
        List<Subject> subjects = binding.subjects();
        this.subjectKinds = new int[subjects.size()];
        this.subjectKeys = new String[subjects.size()];
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            switch (s.kind()) {
                case Subject.USER -> {
                    subjectKinds[i] = USER_NAME;
                    subjectKeys[i] = s.name();
                }
                case Subject.GROUP -> {
                    subjectKinds[i] = GROUP;
                    subjectKeys[i] = s.name();
                }
                case Subject.SERVICE_ACCOUNT -> {
                    subjectKeys[i] = s.serviceAccountUser(binding.namespace());
                    subjectKinds[i] = subjectKeys[i] == null ? NOBODY : USER_NAME;
                }
                default -> subjectKinds[i] = NOBODY;
            }
        }
        this.allowReasons = new String[binding.subjects().size()];
    }

    /** The summary bit of a verb on a resource (subresources count as their resource). */
    static long pairBit(String verb, String resource) {
        int h = verb.hashCode() * 31 + resource.hashCode();
        return 1L << ((h ^ (h >>> 16)) & 63);
    }

    /** False only when no rule can grant {@code pairBit} of a resource request; true may still not grant. */
    boolean mayGrantResource(long requestPairBit) {
        return anyPair || (pairMask & requestPairBit) != 0;
    }

    /** Upstream {@code appliesTo} on the prepared subjects: the first subject naming the user, or -1. */
    int firstSubjectFor(String user, List<String> groups) {
        for (int i = 0; i < subjectKinds.length; i++) {
            switch (subjectKinds[i]) {
                case USER_NAME -> {
                    if (subjectKeys[i].equals(user)) {
                        return i;
                    }
                }
                case GROUP -> {
                    if (groups.contains(subjectKeys[i])) {
                        return i;
                    }
                }
                default -> {
                    // matches nobody
                }
            }
        }
        return -1;
    }

    /**
     * {@code RBAC: allowed by <describer>}, formatted on first use and then kept, so building a snapshot stays
     * cheap and repeated allows cost no formatting. Racing threads compute the same immutable string.
     */
    String allowReason(int subjectIndex) {
        String reason = allowReasons[subjectIndex];
        if (reason == null) {
            reason = "RBAC: allowed by " + describe(subjectIndex);
            allowReasons[subjectIndex] = reason;
        }
        return reason;
    }

    /**
     * Upstream's binding describers: {@code ClusterRoleBinding "x" of ClusterRole "y" to Group "z"} and
     * {@code RoleBinding "name/namespace" of Role "r" to User "u"}.
     */
    String describe(int subjectIndex) {
        RoleRef ref = binding.roleRef();
        String what = binding.isClusterRoleBinding()
                ? "ClusterRoleBinding " + GoText.quote(binding.name())
                : "RoleBinding " + GoText.quote(binding.name() + "/" + binding.namespace());
        return what + " of " + ref.kind() + " " + GoText.quote(ref.name()) + " to "
                + binding.subjects().get(subjectIndex).describe(binding.namespace());
    }
}
