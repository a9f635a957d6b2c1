package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.codec.BodyDecoder;
import dev.gatehouse.kube.patch.JsonPatch;
import dev.gatehouse.kube.patch.MergePatch;
import dev.gatehouse.kube.patch.PatchException;
import dev.gatehouse.kube.patch.PatchSchema;
import dev.gatehouse.kube.patch.StrategicMergePatch;
import dev.gatehouse.kube.patch.SwaggerPatchSchema;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.server.ResponseSink;
import java.util.List;

/**
 * PATCH in its four types. The patch is applied to the current object and the result stored with a CAS on the
 * revision it was computed from; on a concurrent change it is recomputed (unless the patch itself carries a
 * resourceVersion precondition), as kube-apiserver's GuaranteedUpdate does.
 */
public final class PatchHandler {
  static final String JSON_PATCH = "application/json-patch+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  static final String APPLY_PATCH = "application/apply-patch+yaml";
  private static final int MAX_ATTEMPTS = 5;

  private final ObjectStorage storage;
  private final WriteHandler writes;
  private final ObjectResponses responses;
  private final ServerSideApply apply;

  public PatchHandler(ObjectStorage storage, WriteHandler writes, ObjectResponses responses, ServerSideApply apply) {
    this.storage = storage;
    this.writes = writes;
    this.responses = responses;
    this.apply = apply;
  }

  public void patch(ResourceContext ctx, ResponseSink sink) {
    String contentType = ctx.request().contentType();
    List<String> supported = ctx.type().isCustom()
        ? List.of(JSON_PATCH, MERGE_PATCH, APPLY_PATCH, "application/apply-patch+cbor")
        : List.of(JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH, "application/apply-patch+cbor");
    if (!supported.contains(contentType)) {
      throw Errors.unsupportedMediaType(contentType, supported);
    }
    JsonNode patch = contentType.equals(APPLY_PATCH)
        ? BodyDecoder.parseYaml(ctx.request().body())
        : BodyDecoder.parseJson(ctx.request().body());
    for (int attempt = 1; ; attempt++) {
      StoredObject current = storage.get(ctx.clusterName(), ctx.type(), ctx.namespace(), ctx.name());
      if (current == null) {
        if (contentType.equals(APPLY_PATCH) && ctx.info().subresource().isEmpty()) {
          ObjectNode toCreate = apply.forCreate(ctx, asObject(patch));
          writes.checkFieldsAfterPatch(ctx, toCreate, sink);
          ObjectNode created = writes.create(ctx, toCreate, true);
          responses.object(ctx, 201, created, sink);
          return;
        }
        throw Errors.notFound(ctx.type().group(), ctx.type().plural(), ctx.name());
      }
      ObjectNode patched = contentType.equals(APPLY_PATCH)
          ? apply.forUpdate(ctx, current.object(), asObject(patch))
          : applyPatch(ctx, contentType, current.object(), patch);
      String requested = patched.path("metadata").path("resourceVersion").asText("");
      boolean precondition = !requested.isEmpty() && !requested.equals(Long.toString(current.modRevision()));
      if (precondition) {
        throw Errors.modified(ctx.type().group(), ctx.type().plural(), ctx.name());
      }
      checkIdentity(ctx, patched);
      writes.checkFieldsAfterPatch(ctx, patched, sink);
      try {
        ObjectNode result = writes.replace(ctx, current, patched, ctx.info().subresource(),
            contentType.equals(APPLY_PATCH));
        responses.object(ctx, 200, result, sink);
        return;
      } catch (StatusException e) {
        if (!"Conflict".equals(e.reason()) || attempt >= MAX_ATTEMPTS || hasResourceVersion(patch)) {
          throw e;
        }
      }
    }
  }

  private static boolean hasResourceVersion(JsonNode patch) {
    return patch.path("metadata").hasNonNull("resourceVersion");
  }

  private static ObjectNode asObject(JsonNode node) {
    if (node instanceof ObjectNode o) {
      return o;
    }
    throw Errors.badRequest("error decoding patch: the patch is not a JSON object");
  }

  private static void checkIdentity(ResourceContext ctx, ObjectNode patched) {
    String name = patched.path("metadata").path("name").asText("");
    if (!name.equals(ctx.name())) {
      throw Errors.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
          + ctx.name() + ")");
    }
  }

  ObjectNode applyPatch(ResourceContext ctx, String contentType, ObjectNode current, JsonNode patch) {
    try {
      JsonNode result = switch (contentType) {
        case JSON_PATCH -> JsonPatch.apply(current, patch);
        case MERGE_PATCH -> MergePatch.apply(current, patch);
        case STRATEGIC_MERGE_PATCH -> StrategicMergePatch.apply(current, patch, schemaFor(ctx));
        default -> throw Errors.unsupportedMediaType(contentType, List.of());
      };
      if (!(result instanceof ObjectNode object)) {
        throw Errors.badRequest("the patch produced something other than an object");
      }
      return object;
    } catch (PatchException e) {
      throw new StatusException(e.status().code(), e.status().reason(), e.statusMessage(), null);
    }
  }

  private static PatchSchema schemaFor(ResourceContext ctx) {
    return SwaggerPatchSchema.forDefinition(ctx.type().definition());
  }
}
