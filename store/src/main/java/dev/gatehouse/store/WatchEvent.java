package dev.gatehouse.store;

/**
 * A change to one key. For a DELETE, {@code kv} carries the deleted key with {@code modRevision} set to the
 * delete's revision and an empty value, and {@code prevKv} the value before it. For a PUT, {@code prevKv} is
 * the value the put replaced, or null when it created the key. The event's revision is {@code kv.modRevision()}.
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {
  public enum Type { PUT, DELETE }

  /** The revision of the write this event reports. */
  public long revision() {
    return kv.modRevision();
  }
}
