package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.patch.apply.ManagedState.VersionedSet;
import dev.gatehouse.kube.patch.apply.TypedCompare.Comparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * structured-merge-diff's merge.Updater for one API version (no conversion between versions): ownership transfer
 * on writes, merge / prune / conflict detection on apply.
 */
final class Updater {
  /** One field another manager owns that the operation would change. */
  record Conflict(String manager, List<PathElement> path) {}

  /** Conflicts found without force; carries them to the layer that reports them. */
  static final class Conflicts extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient List<Conflict> conflicts;

    Conflicts(List<Conflict> conflicts) {
      super("conflicts", null, false, false);
      this.conflicts = List.copyOf(conflicts);
    }
  }

  /** The result of an apply: the new object, or null when it equals the live one. */
  record Applied(JsonNode object) {}

  private final SsaType type;
  private final String version;
  /** Fields the endpoint resets (e.g. status on the main resource); no one owns them. */
  private final FieldSet ignored;

  Updater(SsaType type, String version, FieldSet ignored) {
    this.type = type;
    this.version = version;
    this.ignored = ignored;
  }

  /** A write that is not an apply: the manager takes the fields it changed from everyone else. */
  void update(JsonNode live, JsonNode updated, Map<String, VersionedSet> managers, String manager) {
    Comparison compare = transfer(live, updated, managers, manager, true);
    VersionedSet previous = managers.get(manager);
    FieldSet set = (previous == null ? new FieldSet() : previous.set())
        .difference(compare.removed()).union(compare.modified()).union(compare.added());
    set = filter(set);
    if (set.isEmpty()) {
      managers.remove(manager);
    } else {
      managers.put(manager, new VersionedSet(set, version, false));
    }
  }

  /** An apply: merges the configuration, prunes what the manager stopped applying, checks conflicts. */
  Applied apply(JsonNode live, JsonNode config, Map<String, VersionedSet> managers, String manager, boolean force) {
    JsonNode merged = TypedMerge.merge(live, config, type);
    VersionedSet last = managers.get(manager);
    FieldSet set = filter(Typed.toFieldSet(config, type));
    managers.put(manager, new VersionedSet(set, version, true));
    merged = prune(merged, managers, last);
    transfer(live, merged, managers, manager, force);
    return new Applied(SmdValues.equal(live, merged) ? null : merged);
  }

  /**
   * upstream update(): fields the write modifies or adds leave their other owners (a conflict unless forced), fields
   * it removes leave every owner.
   */
  private Comparison transfer(JsonNode live, JsonNode updated, Map<String, VersionedSet> managers, String workflow,
      boolean force) {
    Comparison compare = TypedCompare.compare(live, updated, type).excluding(ignored);
    FieldSet changed = compare.modified().union(compare.added());
    Map<String, FieldSet> conflicts = new TreeMap<>();
    for (Map.Entry<String, VersionedSet> e : managers.entrySet()) {
      if (e.getKey().equals(workflow)) {
        continue;
      }
      FieldSet conflict = e.getValue().set().intersection(changed);
      if (!conflict.isEmpty()) {
        conflicts.put(e.getKey(), conflict);
      }
    }
    if (!force && !conflicts.isEmpty()) {
      List<Conflict> list = new ArrayList<>();
      conflicts.forEach((m, set) -> set.forEachPath(p -> list.add(new Conflict(m, p))));
      throw new Conflicts(list);
    }
    Map<String, VersionedSet> updatedManagers = new LinkedHashMap<>();
    for (Map.Entry<String, VersionedSet> e : managers.entrySet()) {
      VersionedSet vs = e.getValue();
      FieldSet set = vs.set();
      if (!e.getKey().equals(workflow)) {
        FieldSet conflict = conflicts.get(e.getKey());
        if (conflict != null) {
          set = set.difference(conflict);
        }
        if (!compare.removed().isEmpty()) {
          set = set.difference(compare.removed());
        }
      }
      if (!set.isEmpty()) {
        updatedManagers.put(e.getKey(), new VersionedSet(set, vs.apiVersion(), vs.applied()));
      }
    }
    managers.clear();
    managers.putAll(updatedManagers);
    return compare;
  }

  /**
   * upstream prune: removes what the applier owned last time and no longer applies, unless another manager (or the
   * applier's new configuration) owns it, and only items that were the applier's.
   */
  private JsonNode prune(JsonNode merged, Map<String, VersionedSet> managers, VersionedSet last) {
    if (last == null || last.set().isEmpty()) {
      return merged;
    }
    JsonNode pruned = orEmpty(Typed.removeItems(merged, last.set().ensureNamedFieldsAreMembers(type), type));
    pruned = addBackOwnedItems(merged, pruned, managers);
    return addBackDanglingItems(merged, pruned, last);
  }

  private JsonNode addBackOwnedItems(JsonNode merged, JsonNode pruned, Map<String, VersionedSet> managers) {
    FieldSet managed = new FieldSet();
    for (VersionedSet vs : managers.values()) {
      managed = managed.union(vs.set());
    }
    FieldSet mergedSet = Typed.toFieldSet(merged, type).ensureNamedFieldsAreMembers(type);
    FieldSet prunedSet = Typed.toFieldSet(pruned, type).ensureNamedFieldsAreMembers(type);
    FieldSet keep = prunedSet.union(managed.ensureNamedFieldsAreMembers(type));
    return orEmpty(Typed.removeItems(merged, mergedSet.difference(keep), type));
  }

  private JsonNode addBackDanglingItems(JsonNode merged, JsonNode pruned, VersionedSet last) {
    FieldSet prunedSet = Typed.toFieldSet(pruned, type).ensureNamedFieldsAreMembers(type);
    FieldSet mergedSet = Typed.toFieldSet(merged, type).ensureNamedFieldsAreMembers(type);
    FieldSet lastSet = last.set().ensureNamedFieldsAreMembers(type);
    return orEmpty(Typed.removeItems(merged, mergedSet.difference(prunedSet).intersection(lastSet), type));
  }

  private FieldSet filter(FieldSet set) {
    return ignored == null || ignored.isEmpty() ? set : set.recursiveDifference(ignored);
  }

  private static JsonNode orEmpty(JsonNode value) {
    return value == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : value;
  }
}
