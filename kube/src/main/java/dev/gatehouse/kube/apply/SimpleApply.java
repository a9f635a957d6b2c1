package dev.gatehouse.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.handlers.ResourceContext;
import dev.gatehouse.kube.handlers.ServerSideApply;
import dev.gatehouse.kube.patch.MergePatch;
import dev.gatehouse.kube.patch.PatchException;
import dev.gatehouse.kube.patch.StrategicMergePatch;
import dev.gatehouse.kube.patch.SwaggerPatchSchema;
import java.time.Clock;

/**
 * Server-side apply without field ownership: creates the object when missing and otherwise merges the applied
 * configuration into the live object (by merge keys for built-in kinds, as a merge patch for custom resources).
 * It does not yet record managedFields or detect conflicts between managers (see the README's feature table).
 */
public final class SimpleApply implements ServerSideApply {
  private final Clock clock;

  public SimpleApply(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ObjectNode forCreate(ResourceContext ctx, ObjectNode applied) {
    checkIdentity(ctx, applied);
    return applied;
  }

  @Override
  public ObjectNode forUpdate(ResourceContext ctx, ObjectNode live, ObjectNode applied) {
    checkIdentity(ctx, applied);
    try {
      JsonNode merged = ctx.type().isCustom()
          ? MergePatch.apply(live, applied)
          : StrategicMergePatch.apply(live, applied, SwaggerPatchSchema.forDefinition(ctx.type().definition()));
      return (ObjectNode) merged;
    } catch (PatchException e) {
      throw new StatusException(422, "Invalid", e.getMessage(), null);
    }
  }

  private static void checkIdentity(ResourceContext ctx, ObjectNode applied) {
    String kind = applied.path("kind").asText("");
    String apiVersion = applied.path("apiVersion").asText("");
    if (kind.isEmpty() || apiVersion.isEmpty()) {
      throw Errors.badRequest("invalid object type: " + (apiVersion.isEmpty() ? "" : apiVersion + ", ") + "Kind="
          + kind);
    }
    String name = applied.path("metadata").path("name").asText("");
    if (!name.isEmpty() && !name.equals(ctx.name())) {
      throw Errors.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
          + ctx.name() + ")");
    }
    applied.withObject("/metadata").put("name", ctx.name());
  }
}
