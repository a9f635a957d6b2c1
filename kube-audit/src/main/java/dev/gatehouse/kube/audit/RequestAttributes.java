package dev.gatehouse.kube.audit;

import java.util.List;

/**
 * What the policy checker looks at, the subset of upstream {@code authorizer.Attributes} audit uses. Build it from the
 * authenticated user <em>before</em> impersonation: upstream's audit filter runs ahead of the impersonation filter.
 *
 * @param user            the user name, or {@code null} when nobody is authenticated (a failed authentication); a
 *                        {@code null} user matches no rule that lists users or groups
 * @param groups          the user's groups
 * @param verb            the request verb, e.g. {@code get}, {@code list}, {@code watch}, {@code create}
 * @param resourceRequest whether this is an API resource request (as opposed to e.g. {@code /healthz})
 * @param path            the URL path, used by non-resource rules
 */
public record RequestAttributes(
        String user,
        List<String> groups,
        String verb,
        boolean resourceRequest,
        String apiGroup,
        String apiVersion,
        String resource,
        String subresource,
        String namespace,
        String name,
        String path) {

    public RequestAttributes {
        groups = groups == null ? List.of() : List.copyOf(groups);
        verb = orEmpty(verb);
        apiGroup = orEmpty(apiGroup);
        apiVersion = orEmpty(apiVersion);
        resource = orEmpty(resource);
        subresource = orEmpty(subresource);
        namespace = orEmpty(namespace);
        name = orEmpty(name);
        path = orEmpty(path);
    }

    /** Whether a user is known; false for requests that failed authentication. */
    public boolean authenticated() {
        return user != null;
    }

    /** The same request seen without a user, as the failed-authentication audit handler sees it. */
    public RequestAttributes withoutUser() {
        return new RequestAttributes(null, List.of(), verb, resourceRequest, apiGroup, apiVersion, resource,
                subresource, namespace, name, path);
    }

    /** A resource request, e.g. {@code resource("bob", groups, "get", "", "v1", "pods", "", "default", "p", path)}. */
    public static RequestAttributes resource(String user, List<String> groups, String verb, String apiGroup,
                                             String apiVersion, String resource, String subresource,
                                             String namespace, String name, String path) {
        return new RequestAttributes(user, groups, verb, true, apiGroup, apiVersion, resource, subresource, namespace,
                name, path);
    }

    /** A non-resource request such as {@code GET /healthz}. */
    public static RequestAttributes nonResource(String user, List<String> groups, String verb, String path) {
        return new RequestAttributes(user, groups, verb, false, "", "", "", "", "", "", path);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
