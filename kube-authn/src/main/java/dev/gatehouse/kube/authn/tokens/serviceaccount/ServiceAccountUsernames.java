package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Service-account user and group names ({@code k8s.io/apiserver/pkg/authentication/serviceaccount/util.go}). */
public final class ServiceAccountUsernames {
    public static final String USERNAME_PREFIX = "system:serviceaccount:";
    public static final String GROUP_PREFIX = "system:serviceaccounts:";
    public static final String ALL_SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** A namespace and a service-account name. */
    public record NamespacedName(String namespace, String name) {
    }

    private ServiceAccountUsernames() {
    }

    /** {@code system:serviceaccount:<namespace>:<name>}. */
    public static String username(String namespace, String name) {
        return USERNAME_PREFIX + namespace + ":" + name;
    }

    /** {@code [system:serviceaccounts, system:serviceaccounts:<namespace>]}. */
    public static List<String> groups(String namespace) {
        return List.of(ALL_SERVICE_ACCOUNTS_GROUP, GROUP_PREFIX + namespace);
    }

    /**
     * Upstream's {@code SplitUsername}: the namespace (a DNS-1123 label) and name (a DNS-1123 subdomain) of a
     * service-account user name, or empty when it is not one.
     */
    public static Optional<NamespacedName> split(String username) {
        if (username == null || !username.startsWith(USERNAME_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = username.substring(USERNAME_PREFIX.length()).split(":", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        String namespace = parts[0];
        String name = parts[1];
        if (namespace.length() > 63 || !DNS1123_LABEL.matcher(namespace).matches()
                || name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(new NamespacedName(namespace, name));
    }
}
