package dev.gatehouse.kube.request;

import java.util.Arrays;
import java.util.Set;

/**
 * Turns a method and a path (below the cluster prefix) into a {@link RequestInfo}, following kube-apiserver's
 * RequestInfoFactory: {@code /api/v1/namespaces/ns/pods/name/sub} and {@code /apis/g/v/...}, the legacy
 * {@code /watch/} prefix, {@code watch=true|1}, and namespaces' own {@code status}/{@code finalize}.
 */
public final class RequestInfoParser {
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  private RequestInfoParser() {}

  /**
   * @param watchParam the {@code watch} query parameter, or null
   * @param fieldSelectorName the name selected by {@code fieldSelector=metadata.name=X} on a list, or null
   */
  public static RequestInfo parse(String cluster, String method, String path, String watchParam,
      String fieldSelectorName) {
    String verb = httpVerb(method);
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    if (parts.length < 1 || !(parts[0].equals("api") || parts[0].equals("apis"))) {
      return RequestInfo.nonResource(cluster, path, verb);
    }
    String prefix = parts[0];
    String[] rest = Arrays.copyOfRange(parts, 1, parts.length);
    String group = "";
    if (prefix.equals("apis")) {
      if (rest.length < 2) { // /apis or /apis/<group>: discovery
        return RequestInfo.nonResource(cluster, path, verb);
      }
      group = rest[0];
      rest = Arrays.copyOfRange(rest, 1, rest.length);
    }
    if (rest.length < 2) { // /api, /api/v1, /apis/g/v: discovery
      return RequestInfo.nonResource(cluster, path, verb);
    }
    String version = rest[0];
    rest = Arrays.copyOfRange(rest, 1, rest.length);

    boolean legacyWatch = false;
    if (rest[0].equals("watch")) {
      legacyWatch = true;
      rest = Arrays.copyOfRange(rest, 1, rest.length);
      if (rest.length == 0) {
        return RequestInfo.nonResource(cluster, path, verb);
      }
    }
    String namespace = "";
    String resource;
    String name = "";
    String subresource = "";
    if (rest[0].equals("namespaces") && rest.length >= 3) {
      namespace = rest[1];
      if (rest.length == 3 && NAMESPACE_SUBRESOURCES.contains(rest[2])) {
        // namespaces/<name>/status: a subresource of the namespace itself
        resource = "namespaces";
        name = rest[1];
        subresource = rest[2];
        namespace = rest[1];
      } else {
        resource = rest[2];
        if (rest.length >= 4) {
          name = rest[3];
        }
        if (rest.length >= 5) {
          subresource = String.join("/", Arrays.copyOfRange(rest, 4, rest.length));
        }
      }
    } else {
      resource = rest[0];
      if (rest.length >= 2) {
        name = rest[1];
        if (resource.equals("namespaces")) {
          namespace = rest[1];
        }
      }
      if (rest.length >= 3) {
        subresource = String.join("/", Arrays.copyOfRange(rest, 2, rest.length));
      }
    }

    if (legacyWatch || (("1".equals(watchParam) || "true".equals(watchParam)) && verb.equals("get"))) {
      verb = "watch";
    } else if (verb.equals("get") && name.isEmpty()) {
      verb = "list";
    } else if (verb.equals("delete") && name.isEmpty()) {
      verb = "deletecollection";
    }
    if ((verb.equals("list") || verb.equals("watch")) && name.isEmpty() && fieldSelectorName != null) {
      name = fieldSelectorName;
    }
    return new RequestInfo(cluster, true, path, verb, prefix, group, version, namespace, resource, subresource, name);
  }

  private static String httpVerb(String method) {
    return switch (method) {
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      case "GET", "HEAD" -> "get";
      default -> method.toLowerCase();
    };
  }
}
