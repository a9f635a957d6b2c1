package dev.gatehouse.store;

/** One operation inside a transaction. */
public sealed interface Op {
  String key();

  record Put(String key, byte[] value, long lease) implements Op {
    public Put(String key, byte[] value) {
      this(key, value, 0);
    }
  }

  record Delete(String key) implements Op {}

  record Get(String key) implements Op {}
}
