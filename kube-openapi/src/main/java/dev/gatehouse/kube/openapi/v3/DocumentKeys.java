package dev.gatehouse.kube.openapi.v3;

/**
 * Names of the OpenAPI v3 documents kube-apiserver serves under {@code /openapi/v3/}: one per group-version
 * ({@code api/v1}, {@code apis/apps/v1}), one per group ({@code apis/apps}), the roots {@code api} and {@code apis},
 * and one per other web service ({@code version}, {@code logs}, {@code .well-known/openid-configuration},
 * {@code openid/v1/jwks}).
 */
final class DocumentKeys {
  private DocumentKeys() {}

  /** The document a swagger path belongs to, e.g. {@code /apis/apps/v1/namespaces/{namespace}/deployments}. */
  static String forPath(String path) {
    String[] segments = trimSlashes(path).split("/");
    switch (segments[0]) {
      case "api":
        return segments.length >= 2 ? "api/" + segments[1] : "api";
      case "apis":
        if (segments.length >= 3) {
          return "apis/" + segments[1] + "/" + segments[2];
        }
        return segments.length == 2 ? "apis/" + segments[1] : "apis";
      default:
        StringBuilder key = new StringBuilder();
        for (String segment : segments) {
          if (segment.startsWith("{")) {
            break;
          }
          if (key.length() > 0) {
            key.append('/');
          }
          key.append(segment);
        }
        return key.toString();
    }
  }

  /** True for {@code api/<v>} and {@code apis/<g>/<v>}: the keys client-go parses as group-versions. */
  static boolean isGroupVersion(String key) {
    String[] segments = key.split("/");
    return (segments.length == 2 && segments[0].equals("api"))
        || (segments.length == 3 && segments[0].equals("apis"));
  }

  /** The document key of a group-version, {@code api/v1} for the core group. */
  static String forGroupVersion(String group, String version) {
    return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
  }

  private static String trimSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }
}
