package dev.gatehouse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.store.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class AscendingKeyValuesTest {
  private static KeyValue kv(String key) {
    return new KeyValue(key, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, 1, 1, 0);
  }

  private static List<KeyValue> kvs(String... keys) {
    List<KeyValue> list = new ArrayList<>();
    for (String key : keys) {
      list.add(kv(key));
    }
    return list;
  }

  @Test
  void theSkipListBuiltFromTheViewHoldsWhatPuttingEachKeyWouldHold() {
    List<KeyValue> live = new ArrayList<>();
    TreeMap<String, KeyValue> expected = new TreeMap<>();
    for (int i = 0; i < 1_000; i++) {
      KeyValue kv = kv(String.format("/registry/configmaps/ns-%02d/cm-%04d", i % 7, i));
      live.add(kv);
      expected.put(kv.key(), kv);
    }
    live.sort(java.util.Comparator.comparing(KeyValue::key));

    ConcurrentSkipListMap<String, KeyValue> built = new ConcurrentSkipListMap<>(new AscendingKeyValues(live));

    assertThat(built).containsExactlyEntriesOf(expected);
    assertThat(built.subMap("/registry/configmaps/ns-03/", "/registry/configmaps/ns-030"))
        .containsExactlyEntriesOf(expected.subMap("/registry/configmaps/ns-03/", "/registry/configmaps/ns-030"));
    built.put("/registry/configmaps/ns-00/a-new-one", kv("/registry/configmaps/ns-00/a-new-one"));
    assertThat(built.firstKey()).isEqualTo("/registry/configmaps/ns-00/a-new-one");
  }

  @Test
  void lookupsAndSlicesFollowTheKeyOrder() {
    AscendingKeyValues view = new AscendingKeyValues(kvs("/a", "/b", "/c", "/d"));

    assertThat(view.get("/c")).isEqualTo(view.get("/c")).extracting(KeyValue::key).isEqualTo("/c");
    assertThat(view.get("/bb")).isNull();
    assertThat(view.get(42)).isNull();
    assertThat(view.subMap("/b", "/d").keySet()).containsExactly("/b", "/c");
    assertThat(view.headMap("/bb").keySet()).containsExactly("/a", "/b");
    assertThat(view.tailMap("/bb").keySet()).containsExactly("/c", "/d");
    assertThat(view.firstKey()).isEqualTo("/a");
    assertThat(view.lastKey()).isEqualTo("/d");
    assertThat(view.comparator()).isNull();
  }

  @Test
  void misorderedOrRepeatedKeysAreRefusedRatherThanBuiltIntoABrokenSkipList() {
    assertThatThrownBy(() -> new AscendingKeyValues(kvs("/a", "/c", "/b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key-values out of order at index 2: /c then /b");
    assertThatThrownBy(() -> new AscendingKeyValues(kvs("/a", "/a")))
        .hasMessage("key-values out of order at index 1: /a then /a");
  }
}
