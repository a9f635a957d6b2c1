package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.codec.BodyDecoder;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.server.ResponseSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** create, update (PUT), delete and deletecollection, with optimistic concurrency and dry-run. */
public final class WriteHandler {
  private final ObjectStorage storage;
  private final ObjectResponses responses;
  private final Admission admission;
  private final OwnershipTracker ownership;
  private final List<WriteGuard> guards;
  private final Clock clock;

  public WriteHandler(ObjectStorage storage, ObjectResponses responses, Admission admission,
      OwnershipTracker ownership, List<WriteGuard> guards, Clock clock) {
    this.guards = List.copyOf(guards);
    this.storage = storage;
    this.responses = responses;
    this.admission = admission;
    this.ownership = ownership;
    this.clock = clock;
  }

  /** Records field ownership (managedFields) of a non-apply write. */
  @FunctionalInterface
  public interface OwnershipTracker {
    ObjectNode track(ResourceContext ctx, com.fasterxml.jackson.databind.JsonNode live, ObjectNode updated);
  }

  public void create(ResourceContext ctx, ResponseSink sink) {
    ObjectNode object = BodyDecoder.decodeObject(ctx.request().contentType(), ctx.request().body(), ctx.targetKind());
    admission.checkTypeMeta(ctx, object);
    admission.validateFields(ctx, object, rawJson(ctx), sink);
    ObjectNode created = create(ctx, object, false);
    responses.object(ctx, 201, created, sink);
  }

  /**
   * Validates, defaults and stores a new object; returns it as stored (or as it would be, on dry run).
   * {@code applied} says managedFields were already computed by server-side apply.
   */
  public ObjectNode create(ResourceContext ctx, ObjectNode object, boolean applied) {
    ObjectMetadata.prepareForCreate(ctx, object, clock.instant());
    Strategy strategy = admission.strategy(ctx.type());
    strategy.prepareForCreate(ctx, object);
    if (strategy.tracksGeneration()) {
      object.withObject("/metadata").put("generation", 1);
    }
    admission.admitCreate(ctx, object);
    admission.validate(ctx, object, null);
    for (WriteGuard guard : guards) {
      guard.check(ctx, object, null);
    }
    if (!applied) {
      object = ownership.track(ctx, null, object);
    }
    if (ctx.dryRun()) {
      if (storage.get(ctx.clusterName(), ctx.type(), ctx.namespace(), nameOf(object)) != null) {
        throw Errors.alreadyExists(ctx.type().group(), ctx.type().plural(), nameOf(object));
      }
      return ReadHandler.withTypeMeta(ctx, object);
    }
    StoredObject stored = storage.create(ctx.clusterName(), ctx.type(), object);
    return ReadHandler.withTypeMeta(ctx, stored.object());
  }

  /** Field validation of a patch's result, under the request's fieldValidation mode. */
  public void checkFieldsAfterPatch(ResourceContext ctx, ObjectNode patched, ResponseSink sink) {
    admission.checkTypeMeta(ctx, patched);
    admission.validateFields(ctx, patched, null, sink);
  }

  public void update(ResourceContext ctx, ResponseSink sink) {
    ObjectNode object = BodyDecoder.decodeObject(ctx.request().contentType(), ctx.request().body(), ctx.targetKind());
    admission.checkTypeMeta(ctx, object);
    String bodyName = nameOf(object);
    if (!bodyName.equals(ctx.name())) {
      throw Errors.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
          + ctx.name() + ")");
    }
    admission.validateFields(ctx, object, rawJson(ctx), sink);
    StoredObject current = storage.get(ctx.clusterName(), ctx.type(), ctx.namespace(), ctx.name());
    if (current == null) {
      throw Errors.notFound(ctx.type().group(), ctx.type().plural(), ctx.name());
    }
    String rv = object.path("metadata").path("resourceVersion").asText("");
    if (rv.isEmpty()) {
      throw Errors.invalid(ctx.type().group(), ctx.type().kind(), ctx.name(), List.of(new Cause("FieldValueInvalid",
          "Invalid value: 0x0: must be specified for an update", "metadata.resourceVersion")));
    }
    long expected = parseResourceVersion(ctx, rv);
    if (expected != current.modRevision()) {
      throw Errors.modified(ctx.type().group(), ctx.type().plural(), ctx.name());
    }
    ObjectNode result = replace(ctx, current, object, ctx.info().subresource(), false);
    responses.object(ctx, 200, result, sink);
  }

  /**
   * Stores {@code updated} over {@code current} (CAS on current's revision). For the status subresource only
   * the status is taken from {@code updated}; for the main resource the status is kept.
   */
  public ObjectNode replace(ResourceContext ctx, StoredObject current, ObjectNode updated, String subresource,
      boolean applied) {
    ObjectNode old = current.object();
    ObjectNode next;
    if ("status".equals(subresource)) {
      next = old.deepCopy();
      if (updated.has("status")) {
        next.set("status", updated.get("status"));
      } else {
        next.remove("status");
      }
    } else {
      next = updated;
      admission.strategy(ctx.type()).prepareForUpdate(next, old);
    }
    ObjectMetadata.prepareForUpdate(ctx, next, old);
    if (!applied) {
      next = ownership.track(ctx, old, next);
    }
    if (admission.strategy(ctx.type()).tracksGeneration() && !Objects.equals(old.get("spec"), next.get("spec"))) {
      next.withObject("/metadata").put("generation", old.path("metadata").path("generation").asLong(0) + 1);
    }
    admission.validate(ctx, next, old);
    for (WriteGuard guard : guards) {
      guard.check(ctx, next, old);
    }
    next.withObject("/metadata").put("resourceVersion", Long.toString(current.modRevision()));
    if (Objects.equals(stripVersion(old), stripVersion(next))) {
      return ReadHandler.withTypeMeta(ctx, old); // no-op updates keep the resourceVersion, as upstream
    }
    if (ctx.dryRun()) {
      return ReadHandler.withTypeMeta(ctx, next);
    }
    if (isDeletionComplete(next)) {
      storage.delete(ctx.clusterName(), ctx.type(), ctx.namespace(), ctx.name(), current.modRevision());
      return ReadHandler.withTypeMeta(ctx, next);
    }
    return ReadHandler.withTypeMeta(ctx, storage.update(ctx.clusterName(), ctx.type(), next, current.modRevision()).object());
  }

  private static JsonNode stripVersion(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.withObject("/metadata").remove("resourceVersion");
    copy.remove("kind");
    copy.remove("apiVersion");
    return copy;
  }

  /** An object being deleted whose last finalizer was just removed is gone. */
  private static boolean isDeletionComplete(ObjectNode object) {
    JsonNode metadata = object.path("metadata");
    return metadata.hasNonNull("deletionTimestamp")
        && (!metadata.has("finalizers") || metadata.path("finalizers").isEmpty());
  }

  public void delete(ResourceContext ctx, ResponseSink sink) {
    DeleteOptions options = DeleteOptions.parse(ctx.request());
    StoredObject current = storage.get(ctx.clusterName(), ctx.type(), ctx.namespace(), ctx.name());
    if (current == null) {
      throw Errors.notFound(ctx.type().group(), ctx.type().plural(), ctx.name());
    }
    options.checkPreconditions(ctx, current);
    Deletion deletion = delete(ctx, current);
    if (deletion.immediate()) {
      ObjectNode status = JsonNodeFactory.instance.objectNode();
      status.put("kind", "Status");
      status.put("apiVersion", "v1");
      status.putObject("metadata");
      status.put("status", "Success");
      ObjectNode details = status.putObject("details");
      details.put("name", ctx.name());
      if (!ctx.type().group().isEmpty()) {
        details.put("group", ctx.type().group());
      }
      details.put("kind", ctx.type().plural());
      details.put("uid", current.object().path("metadata").path("uid").asText());
      sink.send(200, "application/json", Json.bytes(status), Map.of());
    } else {
      responses.object(ctx, 200, deletion.object(), sink);
    }
  }

  /** What a delete did: removed the object now, or marked it for deletion (finalizers pending). */
  public record Deletion(boolean immediate, ObjectNode object) {}

  /** Deletes now, or sets deletionTimestamp when finalizers remain (namespaces always finalize). */
  public Deletion delete(ResourceContext ctx, StoredObject current) {
    ObjectNode object = current.object();
    ObjectNode metadata = object.withObject("/metadata");
    boolean finalizing = metadata.has("finalizers") && !metadata.path("finalizers").isEmpty()
        || admission.strategy(ctx.type()).finalizesOnDelete(object);
    if (ctx.dryRun()) {
      return new Deletion(!finalizing, ReadHandler.withTypeMeta(ctx, object));
    }
    if (!finalizing) {
      if (!storage.delete(ctx.clusterName(), ctx.type(), ctx.namespace(), ctx.name(), current.modRevision())) {
        throw Errors.modified(ctx.type().group(), ctx.type().plural(), ctx.name());
      }
      return new Deletion(true, ReadHandler.withTypeMeta(ctx, object));
    }
    if (metadata.hasNonNull("deletionTimestamp")) {
      return new Deletion(false, ReadHandler.withTypeMeta(ctx, object));
    }
    ObjectNode marked = object.deepCopy();
    marked.withObject("/metadata").put("deletionTimestamp", ObjectMetadata.timestamp(clock.instant()));
    marked.withObject("/metadata").put("deletionGracePeriodSeconds", 0);
    admission.strategy(ctx.type()).prepareForDeletion(marked);
    StoredObject stored = storage.update(ctx.clusterName(), ctx.type(), marked, current.modRevision());
    return new Deletion(false, ReadHandler.withTypeMeta(ctx, stored.object()));
  }

  public void deleteCollection(ResourceContext ctx, ResponseSink sink) {
    ObjectFilter filter = Selectors.fromRequest(ctx);
    List<ObjectNode> deleted = new ArrayList<>();
    for (StoredObject current : Lists.all(storage, ctx)) {
      if (!filter.matches(current.object())) {
        continue;
      }
      deleted.add(deleteOne(ctx, current, nameOf(current.object())));
    }
    responses.list(ctx, deleted, Long.toString(storage.store().currentRevision()), null, null, sink);
  }

  private ObjectNode deleteOne(ResourceContext ctx, StoredObject current, String name) {
    ResourceContext named = Contexts.withName(ctx, name, current.object().path("metadata").path("namespace").asText(""));
    return delete(named, current).object();
  }

  private static byte[] rawJson(ResourceContext ctx) {
    String contentType = ctx.request().contentType();
    return contentType.equals(BodyDecoder.JSON) || contentType.isEmpty() ? ctx.request().body() : null;
  }

  static String nameOf(JsonNode object) {
    return object.path("metadata").path("name").asText("");
  }

  static long parseResourceVersion(ResourceContext ctx, String rv) {
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      throw Errors.badRequest("invalid resource version: " + rv);
    }
  }
}
