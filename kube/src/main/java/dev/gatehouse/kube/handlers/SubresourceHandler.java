package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.codec.BodyDecoder;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.server.ResponseSink;
import java.util.Map;

/**
 * The {@code status} subresource (get/update/patch of the object, writing only its status), the {@code scale}
 * subresource of deployments (autoscaling/v1 Scale over spec.replicas) and namespace {@code finalize}.
 */
public final class SubresourceHandler {
  private final ObjectStorage storage;
  private final ReadHandler reads;
  private final WriteHandler writes;
  private final PatchHandler patches;
  private final TokenRequestEndpoint tokens;

  /** {@code serviceaccounts/token}: issues a bound service-account token. */
  @FunctionalInterface
  public interface TokenRequestEndpoint {
    void create(ResourceContext ctx, ResponseSink sink);
  }

  public SubresourceHandler(ObjectStorage storage, ReadHandler reads, WriteHandler writes, PatchHandler patches,
      TokenRequestEndpoint tokens) {
    this.tokens = tokens;
    this.storage = storage;
    this.reads = reads;
    this.writes = writes;
    this.patches = patches;
  }

  public void serve(ResourceContext ctx, ResponseSink sink) {
    String sub = ctx.info().subresource();
    String verb = ctx.info().verb();
    switch (sub) {
      case "status", "finalize" -> {
        switch (verb) {
          case "get" -> reads.get(ctx, sink);
          case "update" -> writes.update(ctx, sink);
          case "patch" -> patches.patch(ctx, sink);
          default -> throw Errors.methodNotSupported(ctx.type().group(), ctx.type().plural() + "/" + sub, verb);
        }
      }
      case "scale" -> scale(ctx, verb, sink);
      case "token" -> tokens.create(ctx, sink);
      default -> throw Errors.pathNotFound();
    }
  }

  private void scale(ResourceContext ctx, String verb, ResponseSink sink) {
    StoredObject current = storage.get(ctx.clusterName(), ctx.type(), ctx.namespace(), ctx.name());
    if (current == null) {
      throw Errors.notFound(ctx.type().group(), ctx.type().plural(), ctx.name());
    }
    switch (verb) {
      case "get" -> sink.send(200, "application/json", Json.bytes(toScale(current.object())), Map.of());
      case "update" -> {
        ObjectNode scale = BodyDecoder.decodeObject(ctx.request().contentType(), ctx.request().body(),
            new dev.gatehouse.kube.proto.GroupVersionKind("autoscaling", "v1", "Scale"));
        sink.send(200, "application/json", Json.bytes(setReplicas(ctx, current, scale)), Map.of());
      }
      case "patch" -> {
        ObjectNode patched = patches.applyPatch(ctx, ctx.request().contentType(), toScale(current.object()),
            BodyDecoder.parseJson(ctx.request().body()));
        sink.send(200, "application/json", Json.bytes(setReplicas(ctx, current, patched)), Map.of());
      }
      default -> throw Errors.methodNotSupported(ctx.type().group(), ctx.type().plural() + "/scale", verb);
    }
  }

  private ObjectNode setReplicas(ResourceContext ctx, StoredObject current, ObjectNode scale) {
    ObjectNode updated = current.object().deepCopy();
    updated.withObject("/spec").set("replicas", scale.path("spec").path("replicas").deepCopy());
    return toScale(writes.replace(ctx, current, updated, "", false));
  }

  private static ObjectNode toScale(ObjectNode deployment) {
    ObjectNode scale = JsonNodeFactory.instance.objectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    for (String f : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (deployment.path("metadata").has(f)) {
        meta.set(f, deployment.path("metadata").get(f));
      }
    }
    scale.putObject("spec").put("replicas", deployment.path("spec").path("replicas").asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", deployment.path("status").path("replicas").asInt(0));
    return scale;
  }
}
