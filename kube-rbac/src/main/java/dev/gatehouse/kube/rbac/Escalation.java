package dev.gatehouse.kube.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Privilege-escalation prevention for writes of roles and bindings (upstream {@code escalation_check.go},
 * {@code ConfirmNoEscalation} and the {@code policybased} storages), as pieces the server composes:
 *
 * <ul>
 *   <li>Role/ClusterRole create or update: allowed for {@code system:masters}, or when the caller may
 *       {@code escalate} ({@link #escalateAttributes}), or when {@link #confirmNoEscalation} finds the caller
 *       already holds every rule. A ClusterRole with an {@code aggregationRule} (new or old object) also needs
 *       {@link #FULL_AUTHORITY}, else 403 with {@link #AGGREGATION_RULE_MESSAGE}.</li>
 *   <li>Binding create or update: allowed for {@code system:masters}, or when the caller may {@code bind} the
 *       referenced role ({@link #bindAttributes}), or when it holds the role's rules
 *       ({@link RbacPolicy#roleReferenceRules}; a missing role is a 404 with its {@code registryMessage()}).</li>
 * </ul>
 * A failure is a 403 Forbidden whose message is {@link #forbiddenMessage}.
 */
public final class Escalation {
    private Escalation() {
    }

    public static final String PRIVILEGED_GROUP = "system:masters";

    /** What an aggregationRule needs: {@code *} on everything, and {@code *} on every URL. */
    public static final List<PolicyRule> FULL_AUTHORITY = List.of(
            PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")),
            PolicyRule.urls(List.of("*"), List.of("*")));

    public static final String AGGREGATION_RULE_MESSAGE = "must have cluster-admin privileges to use the aggregationRule";

    /** Upstream {@code EscalationAllowed}: members of {@code system:masters} skip every check. */
    public static boolean escalationAllowed(List<String> groups) {
        return groups.contains(PRIVILEGED_GROUP);
    }

    /**
     * Upstream {@code ConfirmNoEscalation}: empty when the user's rules in {@code namespace} ("" for cluster
     * objects: only ClusterRoleBindings count) cover {@code requested}; otherwise the error text
     * {@code user "u" (groups=["g1" "g2"]) is attempting to grant RBAC permissions not currently held:\n...},
     * listing the missing rules compacted and sorted, then {@code ; resolution errors: [...]} when some of the
     * user's own role lookups failed.
     */
    public static Optional<String> confirmNoEscalation(RbacPolicy policy, String user, List<String> groups,
                                                       String namespace, List<PolicyRule> requested) {
        ResolvedRules owner = policy.rulesFor(user, groups, namespace);
        List<PolicyRule> missing = Covers.uncovered(owner.rules(), requested);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(notHeldMessage(user, groups, missing, owner.registryError()));
    }

    /** The message of {@link #confirmNoEscalation} for given missing atoms and resolution error ("" for none). */
    public static String notHeldMessage(String user, List<String> groups, List<PolicyRule> missing,
                                        String resolutionError) {
        TreeSet<String> descriptions = new TreeSet<>(GoText::compare);
        for (PolicyRule r : compact(missing)) {
            descriptions.add(r.compactString());
        }
        String msg = "user " + GoText.quote(user) + " (groups=" + GoText.quoteList(groups)
                + ") is attempting to grant RBAC permissions not currently held:\n" + String.join("\n", descriptions);
        if (!resolutionError.isEmpty()) {
            // Upstream prints a one-element []error with %v.
            msg += "; resolution errors: [" + resolutionError + "]";
        }
        return msg;
    }

    /**
     * Upstream {@code CompactRules}: rules with exactly one group and resource, at most one name, and no URLs are
     * merged when they differ only in verbs (verbs appended in order); other rules are kept as they are.
     */
    public static List<PolicyRule> compact(List<PolicyRule> rules) {
        List<PolicyRule> out = new ArrayList<>();
        Map<List<String>, PolicyRule> simple = new LinkedHashMap<>();
        for (PolicyRule r : rules) {
            if (r.resourceNames().size() > 1 || !r.nonResourceURLs().isEmpty()
                    || r.apiGroups().size() != 1 || r.resources().size() != 1) {
                out.add(r);
                continue;
            }
            // The key tells "no name" apart from a name, as upstream's ResourceNameExist flag does.
            List<String> key = r.resourceNames().isEmpty()
                    ? List.of(r.apiGroups().get(0), r.resources().get(0))
                    : List.of(r.apiGroups().get(0), r.resources().get(0), r.resourceNames().get(0));
            simple.merge(key, r, (a, b) -> {
                List<String> verbs = new ArrayList<>(a.verbs());
                verbs.addAll(b.verbs());
                return new PolicyRule(verbs, a.apiGroups(), a.resources(), a.resourceNames(), List.of());
            });
        }
        out.addAll(simple.values());
        return out;
    }

    /** {@code <plural>.rbac.authorization.k8s.io "<name>" is forbidden: <cause>} — the 403 Status message. */
    public static String forbiddenMessage(String pluralResource, String name, String cause) {
        return pluralResource + ".rbac.authorization.k8s.io " + GoText.quote(name) + " is forbidden: " + cause;
    }

    /**
     * Upstream {@code BindingAuthorized}'s question for the server's whole authorizer chain: may the user
     * {@code bind} the referenced role in the binding's namespace ("" for a ClusterRoleBinding)? Empty for a
     * roleRef kind that is neither Role nor ClusterRole (never authorized).
     */
    public static Optional<Attributes> bindAttributes(String user, List<String> groups, RoleRef ref,
                                                      String bindingNamespace) {
        String resource = switch (ref.kind()) {
            case RoleRef.CLUSTER_ROLE -> "clusterroles";
            case RoleRef.ROLE -> "roles";
            default -> null;
        };
        if (resource == null) {
            return Optional.empty();
        }
        return Optional.of(Attributes.resource(user, groups, "bind", ref.apiGroup(), resource, "",
                bindingNamespace, ref.name()));
    }

    /**
     * Upstream {@code RoleEscalationAuthorized}'s question: may the user {@code escalate} the role being written?
     * {@code resource} is the request's ({@code roles} or {@code clusterroles}); {@code name} and
     * {@code namespace} are the request's too (a create by POST has no name).
     */
    public static Attributes escalateAttributes(String user, List<String> groups, String apiGroup, String resource,
                                                String namespace, String name) {
        return Attributes.resource(user, groups, "escalate", apiGroup, resource, "", namespace, name);
    }
}
