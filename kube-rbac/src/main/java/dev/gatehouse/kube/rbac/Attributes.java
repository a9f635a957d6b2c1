package dev.gatehouse.kube.rbac;

import java.util.List;
import java.util.Objects;

/**
 * What RBAC looks at in a request (upstream {@code authorizer.Attributes}). For a resource request {@code path}
 * is ignored; for a non-resource request only {@code verb} and {@code path} are. {@code name} is the object
 * name, which for list and watch requests the request-info resolver takes from a {@code metadata.name=}
 * field selector. Strings are never null: absent means {@code ""}.
 */
public record Attributes(String user, List<String> groups, String verb, boolean resourceRequest,
                         String apiGroup, String resource, String subresource, String namespace, String name,
                         String path) {

    public Attributes {
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(apiGroup, "apiGroup");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(subresource, "subresource");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }

    public static Attributes resource(String user, List<String> groups, String verb, String apiGroup,
                                      String resource, String subresource, String namespace, String name) {
        return new Attributes(user, groups, verb, true, apiGroup, resource, subresource, namespace, name, "");
    }

    public static Attributes nonResource(String user, List<String> groups, String verb, String path) {
        return new Attributes(user, groups, verb, false, "", "", "", "", "", path);
    }
}
