package dev.gatehouse.kube.audit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user as events record it, {@code authentication.k8s.io/v1 UserInfo}. Every field is omitted from the JSON when
 * empty, so {@link #NONE} (a request that failed authentication) is written as {@code "user":{}}.
 */
public record AuditUser(String username, String uid, List<String> groups, Map<String, List<String>> extra) {
    /** No user: what an event carries when authentication failed. */
    public static final AuditUser NONE = new AuditUser("", "", List.of(), Map.of());

    public AuditUser {
        username = username == null ? "" : username;
        uid = uid == null ? "" : uid;
        groups = groups == null ? List.of() : List.copyOf(groups);
        // Go writes map keys sorted; a sorted copy keeps equals() and the JSON independent of the caller's map.
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        if (extra != null) {
            extra.forEach((key, values) -> sorted.put(key, values == null ? List.of() : List.copyOf(values)));
        }
        extra = Collections.unmodifiableMap(sorted);
    }

    public static AuditUser of(String username, List<String> groups) {
        return new AuditUser(username, "", groups, Map.of());
    }
}
