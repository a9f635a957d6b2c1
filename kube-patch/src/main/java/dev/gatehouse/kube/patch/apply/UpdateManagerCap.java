package dev.gatehouse.kube.patch.apply;

import dev.gatehouse.kube.patch.apply.ManagedState.VersionedSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * upstream capManagers: beyond {@code max} update managers, the oldest ones of each API version are merged into an
 * "ancient-changes" manager so managedFields stays small.
 */
final class UpdateManagerCap {
  static final String ANCIENT_CHANGES = "ancient-changes";

  private UpdateManagerCap() {}

  static void cap(ManagedState managed, int max) {
    List<String> updaters = new ArrayList<>();
    managed.fields.forEach((id, vs) -> {
      if (!vs.applied()) {
        updaters.add(id);
      }
    });
    if (updaters.size() <= max) {
      return;
    }
    updaters.sort(Comparator.<String>comparingLong(id -> seconds(managed.times.get(id)))
        .thenComparing(Comparator.naturalOrder()));
    Map<String, String> firstByVersion = new HashMap<>();
    int length = updaters.size();
    for (int i = 0; i < updaters.size() && length > max; i++) {
      String id = updaters.get(i);
      VersionedSet vs = managed.fields.get(id);
      Instant time = managed.times.get(id);
      String version = vs.apiVersion();
      String bucket = ManagerId.of(ANCIENT_CHANGES, ManagerId.UPDATE, version, "").identifier();
      String first = firstByVersion.get(version);
      if (first == null) {
        firstByVersion.put(version, id);
        continue;
      }
      if (!managed.fields.containsKey(bucket)) {
        managed.fields.put(bucket, managed.fields.remove(first));
      }
      VersionedSet into = managed.fields.get(bucket);
      managed.fields.put(bucket, new VersionedSet(vs.set().union(into.set()), vs.apiVersion(), vs.applied()));
      managed.fields.remove(id);
      length--;
      if (time == null) {
        managed.times.remove(bucket);
      } else {
        managed.times.put(bucket, time);
      }
    }
  }

  private static long seconds(Instant time) {
    return time == null ? 0 : time.getEpochSecond();
  }
}
