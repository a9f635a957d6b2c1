package dev.gatehouse.kube.api;

import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.api.StatusException.StatusDetails;
import java.util.List;

/**
 * Builders for the errors kube-apiserver returns, with its exact messages (k8s.io/apimachinery
 * pkg/api/errors). {@code resource} is the plural resource name, {@code group} its API group ("" for core).
 */
public final class Errors {
  private Errors() {}

  /** "configmaps" or "deployments.apps", as upstream's GroupResource.String(). */
  public static String qualified(String group, String resource) {
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }

  public static StatusException notFound(String group, String resource, String name) {
    return new StatusException(404, "NotFound", qualified(group, resource) + " \"" + name + "\" not found",
        StatusDetails.of(name, group, resource));
  }

  public static StatusException alreadyExists(String group, String resource, String name) {
    return new StatusException(409, "AlreadyExists",
        qualified(group, resource) + " \"" + name + "\" already exists", StatusDetails.of(name, group, resource));
  }

  public static StatusException conflict(String group, String resource, String name, String why) {
    return new StatusException(409, "Conflict",
        "Operation cannot be fulfilled on " + qualified(group, resource) + " \"" + name + "\": " + why,
        StatusDetails.of(name, group, resource));
  }

  public static StatusException modified(String group, String resource, String name) {
    return conflict(group, resource, name,
        "the object has been modified; please apply your changes to the latest version and try again");
  }

  /** 422 Invalid: {@code kind} is the Kind (e.g. ConfigMap), causes render as upstream's field errors. */
  public static StatusException invalid(String group, String kind, String name, List<Cause> causes) {
    StringBuilder message = new StringBuilder();
    message.append(qualified(group, kind)).append(" \"").append(name).append("\" is invalid: ");
    if (causes.size() == 1) {
      message.append(fieldMessage(causes.get(0)));
    } else {
      message.append('[');
      for (int i = 0; i < causes.size(); i++) {
        if (i > 0) {
          message.append(", ");
        }
        message.append(fieldMessage(causes.get(i)));
      }
      message.append(']');
    }
    return new StatusException(422, "Invalid", message.toString(),
        new StatusDetails(name, group, kind, null, causes, null));
  }

  private static String fieldMessage(Cause cause) {
    return cause.field() == null || cause.field().isEmpty() ? cause.message() : cause.field() + ": " + cause.message();
  }

  public static StatusException badRequest(String message) {
    return new StatusException(400, "BadRequest", message, null);
  }

  public static StatusException unauthorized() {
    return new StatusException(401, "Unauthorized", "Unauthorized", null);
  }

  /** The 404 for a URL that names nothing. */
  public static StatusException pathNotFound() {
    return new StatusException(404, "NotFound", "the server could not find the requested resource",
        StatusDetails.EMPTY);
  }

  public static StatusException methodNotSupported(String group, String resource, String verb) {
    return new StatusException(405, "MethodNotAllowed",
        verb + " is not supported on resources of kind \"" + qualified(group, resource) + "\"",
        StatusDetails.of(null, group, resource));
  }

  public static StatusException unsupportedMediaType(String contentType, List<String> supported) {
    return new StatusException(415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + String.join(", ", supported),
        null);
  }

  public static StatusException notAcceptable(List<String> supported) {
    return new StatusException(406, "NotAcceptable",
        "only the following media types are accepted: " + String.join(", ", supported), null);
  }

  public static StatusException gone(String message) {
    return new StatusException(410, "Expired", message, null);
  }

  public static StatusException tooLarge(long limit) {
    return new StatusException(413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit, null);
  }

  public static StatusException forbidden(String group, String resource, String name, String message) {
    return new StatusException(403, "Forbidden",
        qualified(group, resource) + (name == null || name.isEmpty() ? "" : " \"" + name + "\"") + " is forbidden: "
            + message,
        StatusDetails.of(name, group, resource));
  }

  public static StatusException internal(String message) {
    return new StatusException(500, "InternalError", "Internal error occurred: " + message,
        new StatusDetails(null, null, null, null, List.of(new Cause(null, message, null)), null));
  }
}
