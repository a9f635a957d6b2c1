package dev.gatehouse.kube.rbac;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one logical cluster's Roles, ClusterRoles and bindings, answering RBAC questions as
 * kube-apiserver 1.32's RBAC authorizer and rule resolver do. Callers rebuild it when RBAC objects change.
 *
 * <p>Upstream scans every binding per request; here bindings are indexed by the user names and groups their
 * subjects name, so a decision touches only the bindings that can apply. Which binding an allow names is the
 * first one in the order bindings were given (upstream's order is the informer cache's, i.e. unspecified).
 */
public final class RbacPolicy {
    private final BindingIndex bindings;
    private final Map<String, Role> clusterRoles;
    private final Map<String, Map<String, Role>> roles;

    private RbacPolicy(Map<String, Role> clusterRoles, Map<String, Map<String, Role>> roles,
                       List<Binding> bindings) {
        this.clusterRoles = clusterRoles;
        this.roles = roles;
        List<ResolvedBinding> resolved = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            resolved.add(resolve(b));
        }
        this.bindings = new BindingIndex(resolved);
    }

    /** A snapshot of the given roles (namespaced and cluster) and bindings; bindings keep the given order. */
    public static RbacPolicy build(Collection<Role> allRoles, Collection<Binding> bindings) {
        Map<String, Role> clusterRoles = new HashMap<>();
        Map<String, Map<String, Role>> roles = new HashMap<>();
        for (Role r : allRoles) {
            if (r.isClusterRole()) {
                clusterRoles.put(r.name(), r);
            } else {
                roles.computeIfAbsent(r.namespace(), ns -> new HashMap<>()).put(r.name(), r);
            }
        }
        return new RbacPolicy(clusterRoles, roles, List.copyOf(bindings));
    }

    /** A snapshot of stored Role/ClusterRole and RoleBinding/ClusterRoleBinding JSON objects. */
    public static RbacPolicy fromJson(Iterable<? extends JsonNode> roleObjects,
                                      Iterable<? extends JsonNode> bindingObjects) {
        List<Role> roles = new ArrayList<>();
        roleObjects.forEach(o -> roles.add(Role.fromJson(o)));
        List<Binding> bindings = new ArrayList<>();
        bindingObjects.forEach(o -> bindings.add(Binding.fromJson(o)));
        return build(roles, bindings);
    }

    public static RbacPolicy empty() {
        return build(List.of(), List.of());
    }

    private ResolvedBinding resolve(Binding b) {
        ResolvedRules rules = roleReferenceRules(b.roleRef(), b.namespace());
        return rules.errors().isEmpty()
                ? new ResolvedBinding(b, rules.rules(), null)
                : new ResolvedBinding(b, null, rules.errors().get(0));
    }

    /**
     * Upstream {@code GetRoleReferenceRules}: the rules of the role a binding in {@code bindingNamespace} ("" for
     * a ClusterRoleBinding) refers to, or the lookup error. Creating a binding checks these rules for escalation.
     */
    public ResolvedRules roleReferenceRules(RoleRef ref, String bindingNamespace) {
        Role role;
        switch (ref.kind()) {
            case RoleRef.ROLE -> role = roles.getOrDefault(bindingNamespace, Map.of()).get(ref.name());
            case RoleRef.CLUSTER_ROLE -> role = clusterRoles.get(ref.name());
            default -> {
                return new ResolvedRules(List.of(), List.of(new ResolutionError.UnsupportedKind(ref.kind())));
            }
        }
        if (role == null) {
            return new ResolvedRules(List.of(),
                    List.of(new ResolutionError.RoleNotFound(ref.kind(), bindingNamespace, ref.name())));
        }
        return new ResolvedRules(role.rules(), List.of());
    }

    /**
     * The RBAC authorizer's decision: ALLOW with {@code RBAC: allowed by <binding>} for the first rule that grants
     * the request, else NO_OPINION with the failed role lookups ({@code RBAC: <aggregated errors>}) or "".
     */
    public Decision authorize(Attributes request) {
        AuthorizingVisitor visitor = new AuthorizingVisitor(request);
        bindings.visit(request.user(), request.groups(), request.namespace(), visitor);
        if (visitor.reason != null) {
            return Decision.allow(visitor.reason);
        }
        if (visitor.errors == null) {
            return Decision.noOpinion("");
        }
        List<String> messages = new ArrayList<>(visitor.errors.size());
        visitor.errors.forEach(e -> messages.add(e.authorizerMessage()));
        return Decision.noOpinion("RBAC: " + GoText.aggregate(messages));
    }

    /** Stops at the first granting rule and remembers the lookup errors met before it. */
    private static final class AuthorizingVisitor implements BindingIndex.Visitor {
        private final Attributes request;
        private final long pairBit;
        String reason;
        List<ResolutionError> errors;

        AuthorizingVisitor(Attributes request) {
            this.request = request;
            this.pairBit = request.resourceRequest() ? ResolvedBinding.pairBit(request.verb(), request.resource()) : 0;
        }

        @Override
        public boolean visit(ResolvedBinding binding) {
            if (binding.rules == null) {
                if (errors == null) {
                    errors = new ArrayList<>(2);
                }
                errors.add(binding.error);
                return true;
            }
            if (request.resourceRequest() && !binding.mayGrantResource(pairBit)) {
                return true;
            }
            for (RuleMatcher rule : binding.matchers) {
                if (rule.allows(request)) {
                    // The reason names the binding's first subject that applies, as upstream's scan does.
                    reason = binding.allowReason(binding.firstSubjectFor(request.user(), request.groups()));
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Upstream {@code RulesFor}: every rule granted to the user in {@code namespace} (only ClusterRoleBindings when
     * it is ""), in visiting order and without de-duplication, plus the failed role lookups.
     */
    public ResolvedRules rulesFor(String user, List<String> groups, String namespace) {
        List<PolicyRule> rules = new ArrayList<>();
        List<ResolutionError> errors = new ArrayList<>();
        BindingIndex.Visitor collect = binding -> {
            if (binding.rules == null) {
                errors.add(binding.error);
            } else {
                rules.addAll(List.of(binding.rules));
            }
            return true;
        };
        bindings.visit(user, List.copyOf(groups), namespace, collect);
        return new ResolvedRules(rules, errors);
    }

    /** RBAC's SelfSubjectRulesReview status for the user in {@code namespace}. */
    public SubjectRules subjectRules(String user, List<String> groups, String namespace) {
        return SubjectRules.of(rulesFor(user, groups, namespace));
    }

    /** The number of bindings in the snapshot (cluster and namespaced). */
    public int bindingCount() {
        return bindings.size();
    }
}
