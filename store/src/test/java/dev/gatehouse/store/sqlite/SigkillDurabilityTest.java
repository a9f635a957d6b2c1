package dev.gatehouse.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose future completed survives SIGKILL: a child JVM writes from several threads and reports each
 * acknowledged key; the test kills it mid-stream and reopens the store.
 */
class SigkillDurabilityTest {
  @TempDir
  Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    Path storeDir = dir.resolve("store");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        DurabilityChild.class.getName(), storeDir.toString(), "8")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Map<String, Long> acknowledged = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("child started").isEqualTo("READY");
      // Let it write for a while so the kill lands in the middle of a busy stream of group commits.
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ");
        acknowledged.put(parts[1], Long.parseLong(parts[2]));
        if (System.nanoTime() > killAt) {
          break;
        }
      }
      // SIGKILL while writes are in flight. Through the ProcessHandle, unlike Process.destroyForcibly(), the
      // pipe stays open: every ack the child printed up to its death is read and checked, not just the early ones.
      child.toHandle().destroyForcibly();
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ");
        if (parts.length == 3 && parts[0].equals("ACK")) {
          acknowledged.put(parts[1], Long.parseLong(parts[2]));
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).hasSizeGreaterThan(100);

    try (SqliteStore store = SqliteStore.open(storeDir)) {
      Map<String, Long> present = new HashMap<>();
      for (KeyValue kv : store.range(RangeRequest.prefix("/durable/")).kvs()) {
        present.put(kv.key(), kv.modRevision());
      }
      for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
        assertThat(present).as("acknowledged write %s", ack.getKey()).containsEntry(ack.getKey(), ack.getValue());
      }
      long maxAcked = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      assertThat(store.currentRevision()).isGreaterThanOrEqualTo(maxAcked);
      System.out.printf("SIGKILL test: %d acknowledged writes, %d keys after reopen%n", acknowledged.size(),
          present.size());
    }
  }
}
