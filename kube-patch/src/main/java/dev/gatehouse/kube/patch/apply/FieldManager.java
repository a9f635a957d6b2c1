package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.patch.PatchException;
import dev.gatehouse.kube.patch.PatchSchema;
import dev.gatehouse.kube.patch.apply.ManagedState.VersionedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Field ownership of one kind at one API version, as kube-apiserver 1.32 maintains {@code metadata.managedFields}
 * (apimachinery pkg/util/managedfields, the default field manager chain): server-side apply with conflict detection
 * and pruning, and ownership updates for every other write.
 *
 * <p>The chain, outermost first: version check, last-applied annotation updater and conflict relief for
 * {@code kubectl}, "before-first-apply" ownership of objects that have no managedFields yet, the cap of ten update
 * managers ("ancient-changes"), manager identifiers, entry times, stripping of metadata fields no one owns, and the
 * structured merge itself ({@link Updater}).
 *
 * <p>Pure: no I/O; the caller passes the time. Results are JSON objects carrying their new
 * {@code metadata.managedFields}. Null members are dropped from results, standing in for the typed round trip
 * upstream does after merging. Defaulting and validation of the result are the caller's.
 */
public final class FieldManager {
  /** kubectl's client-side apply annotation. */
  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  static final String BEFORE_FIRST_APPLY = "before-first-apply";
  private static final String CURRENT_OPERATION = "current-operation";
  private static final int MAX_UPDATE_MANAGERS = 10;
  private static final FieldSet STRIPPED = strippedFields();

  /** The outcome of an apply: the object to store, and whether its content (not only managedFields) changed. */
  public record ApplyResult(JsonNode object, boolean changed) {}

  private final SsaType type;
  private final String apiVersion;
  private final String kind;
  private final String subresource;
  private final Updater updater;

  /** A field manager for the main resource, owning every field. */
  public FieldManager(PatchSchema schema, String apiVersion, String kind) {
    this(schema, apiVersion, kind, "", List.of());
  }

  /**
   * @param apiVersion the group version served, e.g. {@code apps/v1} or {@code v1}
   * @param subresource "" for the main resource, or e.g. "status"
   * @param resetFields paths the endpoint resets and nobody owns (e.g. {@code [["status"]]} for the main resource
   *     of kinds with a status subresource)
   */
  public FieldManager(PatchSchema schema, String apiVersion, String kind, String subresource,
      List<List<String>> resetFields) {
    this.type = SsaType.of(Objects.requireNonNull(schema, "schema"));
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.subresource = Objects.requireNonNull(subresource, "subresource");
    FieldSet ignored = new FieldSet();
    for (List<String> path : resetFields) {
      ignored.insert(path.stream().map(PathElement::field).toList());
    }
    this.updater = new Updater(type, apiVersion, ignored);
  }

  /**
   * Server-side apply of {@code applied} by {@code manager} onto {@code live} (null when the object does not exist).
   *
   * @throws ApplyConflictException when the apply changes fields other managers own and force is false
   * @throws PatchException for an applied object of another kind (400) or one that does not fit the schema
   */
  public ApplyResult apply(JsonNode live, JsonNode applied, String manager, boolean force, Instant now) {
    String appliedGvk = gvk(applied.path("apiVersion").asText(""), applied.path("kind").asText(""));
    if (!appliedGvk.equals(gvk(apiVersion, kind))) {
      throw new PatchException(PatchException.Status.BAD_REQUEST, "invalid object type: " + appliedGvk);
    }
    JsonNode current = live == null ? JsonNodeFactory.instance.objectNode() : live;
    ManagedState managed;
    try {
      managed = ManagedFieldsCodec.decode(current);
    } catch (ManagedFieldsCodec.InvalidManagedFields e) {
      throw new PatchException(PatchException.Status.INTERNAL, "failed to decode managed fields: " + e.getMessage());
    }
    JsonNode liveObject = withoutManagedFields(current);
    Attempt attempt = applyRelievingLastApplied(liveObject, applied, managed, manager, force, now);
    ObjectNode object = (ObjectNode) attempt.object();
    if (manager.equals("kubectl") && LastApplied.has(object)) {
      LastApplied.set(object, LastApplied.build(applied));
    }
    Nulls.drop(object);
    setManagedFields(object, attempt.managed());
    return new ApplyResult(object, attempt.changed());
  }

  /**
   * Records the ownership change of a write that is not an apply (create, update, any other patch): the manager
   * takes the fields it set or changed. {@code live} is null on create. The object's own managedFields are used
   * when it carries valid ones; an empty list resets them.
   */
  public JsonNode update(JsonNode live, JsonNode updated, String manager, Instant now) {
    JsonNode current = live == null ? JsonNodeFactory.instance.objectNode() : live;
    ManagedState managed = decodeLiveOrNew(current, updated);
    ObjectNode object = (ObjectNode) withoutManagedFields(updated);
    try {
      boolean tracked = !(managed.fields.isEmpty() && !current.path("metadata").path("uid").asText("").isEmpty());
      if (tracked) {
        updateChain(withoutManagedFields(current), object, managed, manager, now);
        setManagedFields(object, managed);
      }
    } catch (Typed.InvalidValue e) {
      // Upstream logs and stores the object without managedFields (UpdateNoErrors).
      return object;
    }
    return object;
  }

  private record Attempt(JsonNode object, ManagedState managed, boolean changed) {}

  /** upstream lastAppliedManager: kubectl's conflicts on fields it last applied client-side are forced. */
  private Attempt applyRelievingLastApplied(JsonNode live, JsonNode applied, ManagedState managed, String manager,
      boolean force, Instant now) {
    try {
      return applyChain(live, applied, managed.copy(), manager, force, now);
    } catch (Updater.Conflicts conflicts) {
      if (!manager.equals("kubectl")) {
        throw conflictError(conflicts.conflicts);
      }
      FieldSet allowed = LastApplied.allowedConflicts(live, apiVersion, type);
      if (allowed == null) {
        throw conflictError(conflicts.conflicts);
      }
      List<Updater.Conflict> remaining = new ArrayList<>();
      for (Updater.Conflict c : conflicts.conflicts) {
        if (!allowed.has(c.path())) {
          remaining.add(c);
        }
      }
      if (!remaining.isEmpty()) {
        throw conflictError(remaining);
      }
      return applyChain(live, applied, managed.copy(), manager, true, now);
    }
  }

  private Attempt applyChain(JsonNode live, JsonNode applied, ManagedState managed, String manager, boolean force,
      Instant now) {
    if (managed.fields.isEmpty()) {
      // Fields set before anyone applied belong to "before-first-apply".
      updateChain(JsonNodeFactory.instance.objectNode(), live, managed, BEFORE_FIRST_APPLY, now);
    }
    String id = ManagerId.of(manager.isEmpty() ? "unknown" : manager, ManagerId.APPLY, apiVersion, subresource)
        .identifier();
    if (ManagedFieldsCodec.managedFields(applied) != null) {
      throw new PatchException(PatchException.Status.BAD_REQUEST, "metadata.managedFields must be nil");
    }
    try {
      Typed.validate(applied, type, false);
      Typed.validate(live, type, true);
    } catch (Typed.InvalidValue e) {
      throw new PatchException(PatchException.Status.INTERNAL, "failed to create typed patch object ("
          + describe(applied) + "): " + e.getMessage());
    }
    Updater.Applied result = updater.apply(live, applied, managed.fields, id, force);
    strip(managed, id);
    if (result.object() == null) {
      return new Attempt(live.deepCopy(), managed, false);
    }
    managed.times.put(id, now);
    return new Attempt(result.object(), managed, true);
  }

  /** capManagers, buildManagerInfo, managedFieldsUpdater, stripMeta and the structured update, in that order. */
  private void updateChain(JsonNode live, JsonNode updated, ManagedState managed, String manager, Instant now) {
    String id = ManagerId.of(manager.isEmpty() ? "unknown" : manager, ManagerId.UPDATE, apiVersion, subresource)
        .identifier();
    Typed.validate(updated, type, true);
    Typed.validate(live, type, true);
    updater.update(live, updated, managed.fields, CURRENT_OPERATION);
    strip(managed, CURRENT_OPERATION);
    VersionedSet current = managed.fields.remove(CURRENT_OPERATION);
    if (current != null) {
      VersionedSet previous = managed.fields.get(id);
      managed.fields.put(id, previous == null ? current
          : new VersionedSet(current.set().union(previous.set()), current.apiVersion(), current.applied()));
      managed.times.put(id, now);
    }
    UpdateManagerCap.cap(managed, MAX_UPDATE_MANAGERS);
  }

  private ManagedState decodeLiveOrNew(JsonNode live, JsonNode updated) {
    if (subresource.isEmpty()) {
      if (ManagedFieldsCodec.isReset(updated)) {
        return new ManagedState();
      }
      try {
        ManagedState fromNew = ManagedFieldsCodec.decode(updated);
        if (!fromNew.fields.isEmpty()) {
          return fromNew;
        }
      } catch (ManagedFieldsCodec.InvalidManagedFields e) {
        // fall back to the live object's
      }
    }
    try {
      return ManagedFieldsCodec.decode(live);
    } catch (ManagedFieldsCodec.InvalidManagedFields e) {
      return new ManagedState();
    }
  }

  /** upstream stripMeta: identity and bookkeeping fields of metadata are owned by no one. */
  private static void strip(ManagedState managed, String id) {
    VersionedSet vs = managed.fields.get(id);
    if (vs == null) {
      return;
    }
    FieldSet set = vs.set().difference(STRIPPED);
    if (set.isEmpty()) {
      managed.fields.remove(id);
    } else {
      managed.fields.put(id, new VersionedSet(set, vs.apiVersion(), vs.applied()));
    }
  }

  private static FieldSet strippedFields() {
    FieldSet set = new FieldSet();
    set.insert(List.of(PathElement.field("apiVersion")));
    set.insert(List.of(PathElement.field("kind")));
    set.insert(List.of(PathElement.field("metadata")));
    for (String field : List.of("name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName",
        "generation", "managedFields", "resourceVersion")) {
      set.insert(List.of(PathElement.field("metadata"), PathElement.field(field)));
    }
    return set;
  }

  private static ApplyConflictException conflictError(List<Updater.Conflict> conflicts) {
    List<ApplyConflictException.Cause> causes = new ArrayList<>();
    for (Updater.Conflict c : conflicts) {
      causes.add(new ApplyConflictException.Cause("FieldManagerConflict",
          "conflict with " + ManagerId.parse(c.manager()).describe(), FieldSet.pathString(c.path())));
    }
    String message;
    if (conflicts.size() == 1) {
      Updater.Conflict c = conflicts.get(0);
      message = "Apply failed with 1 conflict: conflict with " + ManagerId.parse(c.manager()).describe() + ": "
          + FieldSet.pathString(c.path());
    } else {
      List<String> lines = new ArrayList<>();
      String currentManager = null;
      for (Updater.Conflict c : conflicts) {
        if (!c.manager().equals(currentManager)) {
          currentManager = c.manager();
          lines.add("conflicts with " + ManagerId.parse(c.manager()).describe() + ":");
        }
        lines.add("- " + FieldSet.pathString(c.path()));
      }
      message = "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
    return new ApplyConflictException(message, causes);
  }

  private static JsonNode withoutManagedFields(JsonNode object) {
    JsonNode copy = object.deepCopy();
    if (copy.path("metadata") instanceof ObjectNode metadata) {
      metadata.remove("managedFields");
    }
    return copy;
  }

  private static void setManagedFields(ObjectNode object, ManagedState managed) {
    ArrayNode entries = ManagedFieldsCodec.encode(managed);
    ObjectNode metadata = object.path("metadata") instanceof ObjectNode m ? m : object.putObject("metadata");
    if (entries == null) {
      metadata.remove("managedFields");
    } else {
      metadata.set("managedFields", entries);
    }
  }

  /** schema.GroupVersionKind's String(): {@code apps/v1, Kind=Deployment}, {@code /v1, Kind=ConfigMap}. */
  private static String gvk(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return group + "/" + version + ", Kind=" + kind;
  }

  private String describe(JsonNode object) {
    JsonNode metadata = object.path("metadata");
    String namespace = metadata.path("namespace").asText("");
    return (namespace.isEmpty() ? "" : namespace) + "/" + metadata.path("name").asText("") + "; "
        + gvk(apiVersion, kind);
  }
}
