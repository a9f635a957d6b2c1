package dev.gatehouse.kube.rbac;

/**
 * Why a binding's role could not be resolved. Upstream words the same failure two ways: the authorizer reads
 * roles through informer listers (singular resource, {@code clusterrole.rbac.authorization.k8s.io "x" not found}),
 * while the escalation check in the registry reads them through storage (plural resource,
 * {@code clusterroles.rbac.authorization.k8s.io "x" not found}).
 */
public sealed interface ResolutionError {

    /** The text the RBAC authorizer and SelfSubjectRulesReview report. */
    String authorizerMessage();

    /** The text escalation checks ({@code ; resolution errors: ...}) and binding writes report. */
    String registryMessage();

    /** The binding named a Role or ClusterRole that does not exist. */
    record RoleNotFound(String roleKind, String namespace, String name) implements ResolutionError {
        @Override
        public String authorizerMessage() {
            String resource = roleKind.equals(RoleRef.ROLE) ? "role" : "clusterrole";
            return resource + ".rbac.authorization.k8s.io " + GoText.quote(name) + " not found";
        }

        @Override
        public String registryMessage() {
            String resource = roleKind.equals(RoleRef.ROLE) ? "roles" : "clusterroles";
            return resource + ".rbac.authorization.k8s.io " + GoText.quote(name) + " not found";
        }
    }

    /** The binding's roleRef kind is neither Role nor ClusterRole. */
    record UnsupportedKind(String kind) implements ResolutionError {
        @Override
        public String authorizerMessage() {
            return "unsupported role reference kind: " + GoText.quote(kind);
        }

        @Override
        public String registryMessage() {
            return authorizerMessage();
        }
    }
}
