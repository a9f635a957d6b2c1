package dev.gatehouse.kube.meta.names;

import java.util.List;
import java.util.Set;

/**
 * Which format an object's {@code metadata.name} must have, the Java form of upstream {@code ValidateNameFunc}.
 * {@link #check(String, boolean)} with {@code prefix=true} validates a {@code generateName}: a trailing dash is
 * masked first because random characters will follow it.
 */
public enum NameRule {
    /** Most kinds (ConfigMap, Secret, Pod, ServiceAccount, Deployment, Node, custom resources, ...). */
    DNS1123_SUBDOMAIN,
    /** Namespaces. */
    DNS1123_LABEL,
    /** Services (upstream {@code ValidateServiceName = NameIsDNS1035Label} in 1.32). */
    DNS1035_LABEL,
    /** RBAC Roles, ClusterRoles, RoleBindings and ClusterRoleBindings ({@code path.IsValidPathSegmentName}). */
    PATH_SEGMENT;

    private static final Set<String> RBAC_RESOURCES = Set.of("roles", "clusterroles", "rolebindings",
            "clusterrolebindings");

    /**
     * The rule kube-apiserver 1.32 applies to a resource's names. Anything not listed uses
     * {@link #DNS1123_SUBDOMAIN}, which is also what custom resources use.
     */
    public static NameRule forResource(String group, String resource) {
        if (group.isEmpty() && resource.equals("namespaces")) {
            return DNS1123_LABEL;
        }
        if (group.isEmpty() && resource.equals("services")) {
            return DNS1035_LABEL;
        }
        if (group.equals("rbac.authorization.k8s.io") && RBAC_RESOURCES.contains(resource)) {
            return PATH_SEGMENT;
        }
        return DNS1123_SUBDOMAIN;
    }

    /** The problems with {@code name} (empty when valid), worded as upstream. */
    public List<String> check(String name, boolean prefix) {
        return switch (this) {
            case DNS1123_SUBDOMAIN -> NameFormats.dns1123Subdomain(prefix ? maskTrailingDash(name) : name);
            case DNS1123_LABEL -> NameFormats.dns1123Label(prefix ? maskTrailingDash(name) : name);
            case DNS1035_LABEL -> NameFormats.dns1035Label(prefix ? maskTrailingDash(name) : name);
            case PATH_SEGMENT -> prefix ? NameFormats.pathSegmentPrefix(name) : NameFormats.pathSegmentName(name);
        };
    }

    /**
     * Upstream {@code maskTrailingDash}: a trailing dash on a name longer than one character is replaced. It
     * drops the last two bytes and appends {@code a}, so the character before the dash is not validated
     * ({@code "ab-"} is checked as {@code "aa"}); that quirk is upstream's and kept.
     */
    static String maskTrailingDash(String name) {
        if (name.length() > 1 && name.endsWith("-")) {
            return name.substring(0, name.length() - 2) + "a";
        }
        return name;
    }
}
