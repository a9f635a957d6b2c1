package dev.gatehouse.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.RecordingListener;
import dev.gatehouse.store.StoreException;
import io.etcd.jetcd.common.exception.EtcdExceptionFactory;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a watch ends for the reasons etcd gives; these need no etcd, as the reasons are hard to provoke on time. */
class EtcdWatchTest {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final Revisions revisions = new Revisions();
  private final RecordingListener listener = new RecordingListener();
  /** Set by the watch when it unregisters itself, which may happen on another thread just after onClosed. */
  private final java.util.concurrent.CountDownLatch removed = new java.util.concurrent.CountDownLatch(1);
  private final EtcdWatch watch = new EtcdWatch(new Keys("/p"), 41, listener, executor, 10, revisions,
      w -> removed.countDown());

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void etcdCancellingForCompactionEndsTheWatchWithCompactedExceptionAndTeachesTheRevision() throws Exception {
    watch.onError(EtcdExceptionFactory.newCompactedException(57));
    Throwable cause = listener.awaitClosed(Duration.ofSeconds(5));
    assertThat(cause).isInstanceOf(CompactedException.class);
    assertThat(((CompactedException) cause).compactRevision()).isEqualTo(57);
    assertThat(cause).hasMessage("required revision 41 has been compacted (compacted revision 57)");
    assertThat(revisions.compacted()).isEqualTo(57);
    assertThat(removed.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("unregistered").isTrue();
  }

  @Test
  void anyOtherErrorEndsTheWatchOnceWithAStoreException() throws Exception {
    watch.onError(new RuntimeException("connection reset"));
    watch.onCompleted(); // jetcd follows up when the watcher closes; that must not deliver a second onClosed
    Throwable cause = listener.awaitClosed(Duration.ofSeconds(5));
    assertThat(cause).isInstanceOf(StoreException.class).hasMessageContaining("connection reset");
    Thread.sleep(50);
    assertThat(listener.sawOverlappingCalls()).as("no call after onClosed").isFalse();
  }

  @Test
  void theOwnersCloseIsSilent() throws Exception {
    watch.close();
    watch.onError(new RuntimeException("late"));
    Thread.sleep(50);
    assertThat(listener.isClosed()).isFalse();
    assertThat(removed.await(5, java.util.concurrent.TimeUnit.SECONDS)).as("unregistered").isTrue();
  }
}
