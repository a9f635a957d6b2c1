package dev.gatehouse.kube.authn.tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The identity a token authenticates as, the twin of upstream {@code user.DefaultInfo}.
 *
 * @param name   the user name, e.g. {@code system:serviceaccount:default:builder}
 * @param uid    the user's UID; may be empty
 * @param groups the groups, in the order upstream lists them (not yet including {@code system:authenticated},
 *               which the authentication chain adds)
 * @param extra  extra attributes such as {@code authentication.kubernetes.io/pod-name}; insertion-ordered
 */
public record TokenUser(String name, String uid, List<String> groups, Map<String, List<String>> extra) {
    public TokenUser {
        Objects.requireNonNull(name, "name");
        uid = uid == null ? "" : uid;
        groups = List.copyOf(groups);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        extra.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        extra = java.util.Collections.unmodifiableMap(copy);
    }

    public TokenUser(String name, String uid, List<String> groups) {
        this(name, uid, groups, Map.of());
    }
}
