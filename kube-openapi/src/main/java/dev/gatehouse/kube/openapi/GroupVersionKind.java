package dev.gatehouse.kube.openapi;

import java.util.Objects;

/**
 * A Kubernetes group, version and kind, as carried by {@code x-kubernetes-group-version-kind}. The core group is
 * the empty string.
 */
public record GroupVersionKind(String group, String version, String kind) {
  public GroupVersionKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
  }

  /** Splits an {@code apiVersion} such as {@code apps/v1} or {@code v1} and pairs it with {@code kind}. */
  public static GroupVersionKind of(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    return slash < 0
        ? new GroupVersionKind("", apiVersion, kind)
        : new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
  }

  /** {@code v1} for the core group, otherwise {@code group/version}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return apiVersion() + ", Kind=" + kind;
  }
}
