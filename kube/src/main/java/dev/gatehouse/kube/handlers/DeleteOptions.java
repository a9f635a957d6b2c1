package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.codec.BodyDecoder;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.server.ApiRequest;

/** The optional DeleteOptions body (preconditions, propagationPolicy) of a DELETE. */
record DeleteOptions(String preconditionUid, String preconditionResourceVersion, String propagationPolicy) {

  static DeleteOptions parse(ApiRequest request) {
    if (request.body().length == 0) {
      return new DeleteOptions(null, null, request.queryParam("propagationPolicy"));
    }
    JsonNode body = BodyDecoder.decodeObject(request.contentType(), request.body());
    JsonNode pre = body.path("preconditions");
    String policy = body.path("propagationPolicy").asText(null);
    if (policy != null && !policy.equals("Orphan") && !policy.equals("Background") && !policy.equals("Foreground")) {
      throw Errors.badRequest("propagationPolicy: Unsupported value: \"" + policy
          + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
    }
    return new DeleteOptions(pre.path("uid").asText(null), pre.path("resourceVersion").asText(null), policy);
  }

  void checkPreconditions(ResourceContext ctx, StoredObject current) {
    JsonNode meta = current.object().path("metadata");
    if (preconditionUid != null && !preconditionUid.equals(meta.path("uid").asText())) {
      throw Errors.conflict(ctx.type().group(), ctx.type().plural(), ctx.name(),
          "Precondition failed: UID in precondition: " + preconditionUid + ", UID in object meta: "
              + meta.path("uid").asText());
    }
    if (preconditionResourceVersion != null
        && !preconditionResourceVersion.equals(Long.toString(current.modRevision()))) {
      throw Errors.conflict(ctx.type().group(), ctx.type().plural(), ctx.name(),
          "Precondition failed: ResourceVersion in precondition: " + preconditionResourceVersion
              + ", ResourceVersion in object meta: " + current.modRevision());
    }
  }
}
