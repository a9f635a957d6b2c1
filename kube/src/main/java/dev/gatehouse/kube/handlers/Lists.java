package dev.gatehouse.kube.handlers;

import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import java.util.ArrayList;
import java.util.List;

/** Whole-collection reads for server-side work (deletecollection, namespace cleanup). */
final class Lists {
  private Lists() {}

  static List<StoredObject> all(ObjectStorage storage, ResourceContext ctx) {
    String prefix = StorageKeys.listPrefix(ctx.clusterName(), ctx.type(), ctx.namespace());
    List<StoredObject> out = new ArrayList<>();
    for (KeyValue kv : storage.store().range(RangeRequest.prefix(prefix)).kvs()) {
      out.add(storage.decode(kv));
    }
    return out;
  }
}
