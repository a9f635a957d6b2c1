package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.util.Objects;

/**
 * The object a TokenRequest binds its token to, as the server found it in storage. The token then lives only as long
 * as an object of that name still exists with that UID.
 */
public sealed interface BoundObject permits BoundObject.Pod, BoundObject.Secret, BoundObject.Node {
    String name();

    String uid();

    /**
     * A pod. {@code node} is the node the pod is scheduled to, when it is: its name from {@code spec.nodeName} and its
     * UID if the Node object exists (upstream embeds the name alone when the Node is missing).
     */
    record Pod(String name, String uid, String serviceAccountName, Node node) implements BoundObject {
        public Pod {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(uid, "uid");
            serviceAccountName = serviceAccountName == null ? "" : serviceAccountName;
        }
    }

    record Secret(String name, String uid) implements BoundObject {
        public Secret {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(uid, "uid");
        }
    }

    record Node(String name, String uid) implements BoundObject {
        public Node {
            Objects.requireNonNull(name, "name");
            uid = uid == null ? "" : uid;
        }
    }
}
