package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.store.KeyValue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON of list items, serialized once per (key, modRevision) and reused by later lists: a LIST of unchanged
 * objects then costs a copy instead of a parse and a serialization per item (the role kube-apiserver's watch
 * cache plays). An entry is valid only for the revision it was made from; the cache drops everything when it
 * grows past its byte budget.
 */
final class ListItemCache {
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private record Entry(long modRevision, byte[] json) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private final ObjectStorage storage;

  ListItemCache(ObjectStorage storage) {
    this.storage = storage;
  }

  /** The item as a built-in list carries it: with resourceVersion, without kind and apiVersion. */
  byte[] builtinItem(KeyValue kv) {
    Entry entry = entries.get(kv.key());
    if (entry != null && entry.modRevision() == kv.modRevision()) {
      return entry.json();
    }
    ObjectNode object = storage.decode(kv).object();
    object.remove("kind");
    object.remove("apiVersion");
    byte[] json = Json.bytes(object);
    if (bytes.addAndGet(json.length) > MAX_BYTES) {
      entries.clear();
      bytes.set(json.length);
    }
    entries.put(kv.key(), new Entry(kv.modRevision(), json));
    return json;
  }
}
