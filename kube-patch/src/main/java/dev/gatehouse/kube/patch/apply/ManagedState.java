package dev.gatehouse.kube.patch.apply;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoded {@code metadata.managedFields}: each manager identifier (see {@link ManagerId}) with its field set,
 * API version and whether it applied, plus the time of each entry. Mutable, as upstream's maps are; copy before
 * an attempt that may have to be retried.
 */
final class ManagedState {
  /** One manager's fields (upstream fieldpath.VersionedSet). */
  record VersionedSet(FieldSet set, String apiVersion, boolean applied) {}

  final Map<String, VersionedSet> fields = new LinkedHashMap<>();
  final Map<String, Instant> times = new LinkedHashMap<>();

  ManagedState copy() {
    ManagedState out = new ManagedState();
    out.fields.putAll(fields);
    out.times.putAll(times);
    return out;
  }
}
