package dev.gatehouse.kube.authn.tokens.serviceaccount;

import dev.gatehouse.kube.authn.tokens.TokenUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Upstream's {@code ServiceAccountInfo}: what a validated token says about its caller. Empty strings when absent. */
record ServiceAccountInfo(String namespace, String name, String uid, String podName, String podUid, String nodeName,
                          String nodeUid, String credentialId) {
    static final String POD_NAME = "authentication.kubernetes.io/pod-name";
    static final String POD_UID = "authentication.kubernetes.io/pod-uid";
    static final String NODE_NAME = "authentication.kubernetes.io/node-name";
    static final String NODE_UID = "authentication.kubernetes.io/node-uid";
    static final String CREDENTIAL_ID = "authentication.kubernetes.io/credential-id";

    TokenUser toUser() {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        if (!podName.isEmpty() && !podUid.isEmpty()) {
            extra.put(POD_NAME, List.of(podName));
            extra.put(POD_UID, List.of(podUid));
        }
        if (!credentialId.isEmpty()) {
            extra.put(CREDENTIAL_ID, List.of(credentialId));
        }
        if (!nodeName.isEmpty()) {
            extra.put(NODE_NAME, List.of(nodeName));
            // The node UID is optional: a pod's node may not have existed when the token was issued.
            if (!nodeUid.isEmpty()) {
                extra.put(NODE_UID, List.of(nodeUid));
            }
        }
        return new TokenUser(ServiceAccountUsernames.username(namespace, name), uid,
                ServiceAccountUsernames.groups(namespace), extra);
    }
}
