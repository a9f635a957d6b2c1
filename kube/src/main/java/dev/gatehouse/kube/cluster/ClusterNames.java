package dev.gatehouse.kube.cluster;

import java.util.regex.Pattern;

/** Logical cluster names are DNS-1123 labels, so they fit in a URL path segment and a storage key. */
public final class ClusterNames {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private ClusterNames() {}

  public static void validate(String name) {
    if (name.length() > 63 || !LABEL.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid cluster name \"" + name
          + "\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must"
          + " start and end with an alphanumeric character");
    }
  }
}
