package dev.gatehouse.kube.audit;

/**
 * The object a resource request addresses, {@code audit.k8s.io/v1 ObjectReference}; empty fields are omitted from
 * the JSON.
 */
public record ObjectReference(String resource, String namespace, String name, String uid, String apiGroup,
                              String apiVersion, String resourceVersion, String subresource) {
    public ObjectReference {
        resource = orEmpty(resource);
        namespace = orEmpty(namespace);
        name = orEmpty(name);
        uid = orEmpty(uid);
        apiGroup = orEmpty(apiGroup);
        apiVersion = orEmpty(apiVersion);
        resourceVersion = orEmpty(resourceVersion);
        subresource = orEmpty(subresource);
    }

    /** The reference upstream's {@code LogRequestMetadata} derives from request attributes. */
    public static ObjectReference of(RequestAttributes request) {
        return new ObjectReference(request.resource(), request.namespace(), request.name(), "", request.apiGroup(),
                request.apiVersion(), "", request.subresource());
    }

    /**
     * Upstream {@code LogRequestObject}'s completion from the body's metadata: only fields still empty are filled.
     */
    ObjectReference completedWith(String bodyNamespace, String bodyName, String bodyUid, String bodyResourceVersion) {
        return new ObjectReference(resource, namespace.isEmpty() ? bodyNamespace : namespace,
                name.isEmpty() ? bodyName : name, uid.isEmpty() ? bodyUid : uid, apiGroup, apiVersion,
                resourceVersion.isEmpty() ? bodyResourceVersion : resourceVersion, subresource);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
