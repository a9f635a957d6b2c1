package dev.gatehouse.kube.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.api.StatusException.StatusDetails;
import dev.gatehouse.kube.handlers.ResourceContext;
import dev.gatehouse.kube.handlers.ServerSideApply;
import dev.gatehouse.kube.patch.PatchException;
import dev.gatehouse.kube.patch.PatchSchema;
import dev.gatehouse.kube.patch.SwaggerPatchSchema;
import dev.gatehouse.kube.patch.apply.ApplyConflictException;
import dev.gatehouse.kube.patch.apply.FieldManager;
import dev.gatehouse.kube.resource.ResourceType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field ownership ({@code metadata.managedFields}) for every write, and server-side apply, through kube-patch's
 * {@link FieldManager}: one per resource type and subresource, with the reset fields kube-apiserver uses (the
 * main resource of a kind with a status subresource does not own status, and the status subresource owns only
 * status).
 */
public final class FieldManagers implements ServerSideApply {
  private final Clock clock;
  private final Map<String, FieldManager> managers = new ConcurrentHashMap<>();

  public FieldManagers(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ObjectNode forCreate(ResourceContext ctx, ObjectNode applied) {
    return apply(ctx, null, applied);
  }

  @Override
  public ObjectNode forUpdate(ResourceContext ctx, ObjectNode live, ObjectNode applied) {
    return apply(ctx, live, applied);
  }

  private ObjectNode apply(ResourceContext ctx, ObjectNode live, ObjectNode applied) {
    String manager = ctx.request().queryParam("fieldManager");
    if (manager == null || manager.isEmpty()) {
      throw Errors.invalid("meta.k8s.io", "PatchOptions", "", List.of(new Cause("FieldValueRequired",
          "Required value: is required for apply patch", "fieldManager")));
    }
    boolean force = "true".equals(ctx.request().queryParam("force"));
    String name = applied.path("metadata").path("name").asText("");
    if (!name.isEmpty() && !name.equals(ctx.name())) {
      throw Errors.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
          + ctx.name() + ")");
    }
    try {
      return (ObjectNode) manager(ctx.type(), ctx.info().subresource())
          .apply(live, applied, manager, force, clock.instant()).object();
    } catch (ApplyConflictException e) {
      List<Cause> causes = e.causes().stream().map(c -> new Cause(c.type(), c.message(), c.field())).toList();
      throw new StatusException(409, "Conflict", e.getMessage(),
          new StatusDetails(null, null, null, null, causes, null));
    } catch (PatchException e) {
      throw toStatus(e);
    }
  }

  /** Records the fields a non-apply write set or changed as owned by the request's manager. */
  public ObjectNode trackUpdate(ResourceContext ctx, JsonNode live, ObjectNode updated) {
    try {
      return (ObjectNode) manager(ctx.type(), ctx.info().subresource())
          .update(live, updated, managerName(ctx), clock.instant());
    } catch (PatchException e) {
      throw toStatus(e);
    }
  }

  public static StatusException toStatus(PatchException e) {
    return new StatusException(e.status().code(), e.status().reason(), e.statusMessage(), null);
  }

  /** The manager of a non-apply write: the fieldManager parameter, else the User-Agent's program name. */
  static String managerName(ResourceContext ctx) {
    String manager = ctx.request().queryParam("fieldManager");
    if (manager != null && !manager.isEmpty()) {
      return manager;
    }
    String agent = ctx.request().header("user-agent");
    if (agent == null || agent.isEmpty()) {
      return "unknown";
    }
    int slash = agent.indexOf('/');
    String program = slash < 0 ? agent : agent.substring(0, slash);
    return program.length() > 128 ? program.substring(0, 128) : program;
  }

  private FieldManager manager(ResourceType type, String subresource) {
    String sub = "status".equals(subresource) ? "status" : "";
    return managers.computeIfAbsent(type.apiVersion() + "/" + type.plural() + "/" + sub, k -> {
      PatchSchema schema = type.isCustom() ? PatchSchema.opaque() : SwaggerPatchSchema.forDefinition(type.definition());
      boolean hasStatus = type.subresource("status").isPresent();
      List<List<String>> reset = sub.equals("status") ? List.of(List.of("spec"))
          : hasStatus ? List.of(List.of("status")) : List.of();
      return new FieldManager(schema, type.apiVersion(), type.kind(), sub, reset);
    });
  }
}
