package dev.gatehouse.store.etcd;

import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.WatchEvent;
import java.util.ArrayList;
import java.util.List;

/** Turns jetcd's key-values and watch events into the store's records; etcd's numbers pass through as they are. */
final class Kvs {
  private Kvs() {}

  static KeyValue of(Keys keys, io.etcd.jetcd.KeyValue kv) {
    return new KeyValue(keys.decode(kv.getKey()), kv.getValue().getBytes(), kv.getCreateRevision(),
        kv.getModRevision(), kv.getVersion(), kv.getLease());
  }

  /** jetcd hands an empty key-value (every revision 0) where etcd sent none, e.g. a PUT that created its key. */
  static KeyValue orNull(Keys keys, io.etcd.jetcd.KeyValue kv) {
    return kv == null || kv.getModRevision() == 0 ? null : of(keys, kv);
  }

  static List<KeyValue> all(Keys keys, List<io.etcd.jetcd.KeyValue> kvs) {
    List<KeyValue> out = new ArrayList<>(kvs.size());
    for (io.etcd.jetcd.KeyValue kv : kvs) {
      out.add(of(keys, kv));
    }
    return out;
  }

  static WatchEvent event(Keys keys, io.etcd.jetcd.watch.WatchEvent e) {
    WatchEvent.Type type = switch (e.getEventType()) {
      case PUT -> WatchEvent.Type.PUT;
      case DELETE -> WatchEvent.Type.DELETE;
      case UNRECOGNIZED -> throw new IllegalStateException("etcd sent a watch event of unknown type");
    };
    // etcd's DELETE event carries the key and the delete's revision only, which is what the SPI asks for.
    return new WatchEvent(type, of(keys, e.getKeyValue()), orNull(keys, e.getPrevKV()));
  }
}
