package dev.gatehouse.kube.proto;

import java.util.Objects;

/**
 * A Kubernetes group, version and kind, with the legacy core group as the empty string.
 *
 * <p>Mirrors apimachinery's {@code schema.GroupVersionKind}, including how an {@code apiVersion} string is split:
 * no slash means the core group, one slash separates group and version, and anything else is unparseable and
 * leaves both empty (so that the decoder reports the version as missing, as upstream does).
 */
public record GroupVersionKind(String group, String version, String kind) {

    public GroupVersionKind {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
    }

    /** Splits {@code apiVersion} the way {@code schema.FromAPIVersionAndKind} does. */
    public static GroupVersionKind fromApiVersionAndKind(String apiVersion, String kind) {
        if (apiVersion.isEmpty() || apiVersion.equals("/")) {
            return new GroupVersionKind("", "", kind);
        }
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return new GroupVersionKind("", apiVersion, kind);
        }
        if (apiVersion.indexOf('/', slash + 1) >= 0) {
            return new GroupVersionKind("", "", kind);
        }
        return new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    /** The {@code apiVersion} field value: {@code group/version}, or just the version for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /**
     * Fills what this one lacks from {@code defaults}, like the protobuf serializer's {@code copyKindDefaults}: the
     * kind when empty, and group plus version together when the version is empty.
     */
    GroupVersionKind withDefaults(GroupVersionKind defaults) {
        String newKind = kind.isEmpty() ? defaults.kind : kind;
        if (version.isEmpty() && !defaults.version.isEmpty()) {
            return new GroupVersionKind(defaults.group, defaults.version, newKind);
        }
        return new GroupVersionKind(group, version, newKind);
    }
}
