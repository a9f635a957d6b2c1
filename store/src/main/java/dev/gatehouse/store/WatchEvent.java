package dev.gatehouse.store;

/**
 * A change to one key. For a DELETE, {@code kv} carries the deleted key with {@code modRevision} set to the
 * delete's revision and an empty value, and {@code prevKv} the value before it.
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {
  public enum Type { PUT, DELETE }
}
