package dev.gatehouse.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.ByteString;
import dev.gatehouse.store.RecordingListener;
import dev.gatehouse.store.WatchEvent;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdExceptionFactory;
import io.etcd.jetcd.watch.WatchResponse;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code watch-streams.yaml}: how a store watch resumes on a new etcd stream after the one it ran on broke,
 * and how it ends for the reasons etcd gives. No etcd: jetcd's callbacks are played by hand, as the faults are
 * hard to provoke on time (EtcdMemberFaultTest provokes them for real).
 */
class EtcdWatchTest {
  record Step(Integer stream, List<Long> events, Long progress, Boolean created, String error, Long compacted,
              Boolean completed, Long sleepMillis) {}

  record Ending(String type, String message) {}

  record Scenario(String name, Long after, Long resumeWithin, List<Step> steps, List<Long> opened,
                  List<Integer> closed, List<Long> delivered, List<Long> progress, Ending ended) {}

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
    timers.shutdownNow();
  }

  /** The streams a watch opened: each with the revision it was opened after, its listener, and whether closed. */
  private static final class FakeStreams implements EtcdWatch.Streams {
    record Opened(long after, io.etcd.jetcd.Watch.Listener listener, AtomicBoolean closed) {}

    private final List<Opened> opened = new ArrayList<>();

    @Override
    public synchronized io.etcd.jetcd.Watch.Watcher open(long afterRevision, io.etcd.jetcd.Watch.Listener listener) {
      AtomicBoolean closed = new AtomicBoolean();
      opened.add(new Opened(afterRevision, listener, closed));
      notifyAll();
      return new io.etcd.jetcd.Watch.Watcher() {
        @Override
        public void close() {
          closed.set(true);
          listener.onCompleted(); // as jetcd does when a watcher is closed
        }

        @Override
        public void requestProgress() {}

        @Override
        public boolean isClosed() {
          return closed.get();
        }
      };
    }

    synchronized Opened await(int index) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (opened.size() <= index) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("stream " + index + " was never opened; opened: " + opened.size());
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return opened.get(index);
    }

    synchronized List<Opened> all() {
      return List.copyOf(opened);
    }
  }

  @TestFactory
  Stream<DynamicTest> scenarios() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    List<Scenario> scenarios;
    try (InputStream in = getClass().getResourceAsStream("watch-streams.yaml")) {
      scenarios = yaml.readValue(in, new TypeReference<List<Scenario>>() {});
    }
    assertThat(scenarios).isNotEmpty();
    return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> run(s)));
  }

  private void run(Scenario s) throws Exception {
    RecordingListener listener = new RecordingListener();
    Revisions revisions = new Revisions();
    FakeStreams streams = new FakeStreams();
    CountDownLatch removed = new CountDownLatch(1);
    long after = s.after() == null ? 41 : s.after();
    Duration resumeWithin = Duration.ofMillis(s.resumeWithin() == null ? 5000 : s.resumeWithin());
    EtcdWatch watch = new EtcdWatch(new Keys("/p"), after, listener, executor, 100, revisions,
        w -> removed.countDown(), streams, timers, resumeWithin);
    watch.start();
    for (Step step : s.steps()) {
      play(step, streams);
    }
    List<Long> expected = s.delivered();
    listener.awaitEvents(e -> e.size() >= expected.size(), Duration.ofSeconds(5));
    if (s.ended() != null) {
      Throwable cause = listener.awaitClosed(Duration.ofSeconds(5));
      assertThat(cause.getClass().getSimpleName()).isEqualTo(s.ended().type());
      assertThat(cause).hasMessageContaining(s.ended().message());
      assertThat(removed.await(5, TimeUnit.SECONDS)).as("unregistered").isTrue();
    }
    Thread.sleep(100); // anything wrongly delivered late shows up
    assertThat(listener.events()).extracting(WatchEvent::revision).containsExactlyElementsOf(expected);
    assertThat(listener.events()).extracting(e -> e.kv().key())
        .allSatisfy(key -> assertThat(key).matches("/k\\d+"));
    if (s.progress() != null) {
      assertThat(listener.progress()).containsExactlyElementsOf(s.progress());
    }
    if (s.ended() == null) {
      assertThat(listener.isClosed()).as("watch still running").isFalse();
    }
    assertThat(listener.sawOverlappingCalls()).as("calls overlapped or came after onClosed").isFalse();
    if (s.opened() != null) {
      assertThat(streams.all()).extracting(FakeStreams.Opened::after).containsExactlyElementsOf(s.opened());
    }
    if (s.closed() != null) {
      List<Integer> closed = new ArrayList<>();
      List<FakeStreams.Opened> all = streams.all();
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).closed().get()) {
          closed.add(i);
        }
      }
      assertThat(closed).as("streams closed by the watch").containsExactlyElementsOf(s.closed());
    }
    watch.close();
  }

  private static void play(Step step, FakeStreams streams) throws InterruptedException {
    if (step.sleepMillis() != null) {
      Thread.sleep(step.sleepMillis());
      return;
    }
    io.etcd.jetcd.Watch.Listener to = streams.await(step.stream()).listener();
    if (step.events() != null) {
      to.onNext(response(step.events(), step.events().get(step.events().size() - 1), false));
    } else if (step.progress() != null) {
      to.onNext(response(List.of(), step.progress(), false));
    } else if (Boolean.TRUE.equals(step.created())) {
      to.onNext(response(List.of(), 1000, true));
    } else if (step.error() != null) {
      String[] codeAndMessage = step.error().split(" ", 2);
      to.onError(EtcdExceptionFactory.newEtcdException(ErrorCode.valueOf(codeAndMessage[0]),
          codeAndMessage.length > 1 ? codeAndMessage[1] : ""));
    } else if (step.compacted() != null) {
      to.onError(EtcdExceptionFactory.newCompactedException(step.compacted()));
    } else if (Boolean.TRUE.equals(step.completed())) {
      to.onCompleted();
    } else {
      throw new IllegalArgumentException("step does nothing: " + step);
    }
  }

  /** A watch response as etcd sends it: one PUT per revision of key /k&lt;revision&gt; under the "/p" prefix. */
  private static WatchResponse response(List<Long> revisions, long headerRevision, boolean created) {
    io.etcd.jetcd.api.WatchResponse.Builder b = io.etcd.jetcd.api.WatchResponse.newBuilder()
        .setHeader(ResponseHeader.newBuilder().setRevision(headerRevision)).setCreated(created);
    for (long r : revisions) {
      b.addEvents(Event.newBuilder().setType(Event.EventType.PUT).setKv(KeyValue.newBuilder()
          .setKey(ByteString.copyFromUtf8("/p/k" + r)).setValue(ByteString.copyFromUtf8("v"))
          .setCreateRevision(r).setModRevision(r).setVersion(1)));
    }
    return new WatchResponse(b.build(), ByteSequence.EMPTY);
  }

  @Test
  void theOwnersCloseIsSilentAndClosesTheStream() throws Exception {
    RecordingListener listener = new RecordingListener();
    FakeStreams streams = new FakeStreams();
    CountDownLatch removed = new CountDownLatch(1);
    EtcdWatch watch = new EtcdWatch(new Keys("/p"), 41, listener, executor, 10, new Revisions(),
        w -> removed.countDown(), streams, timers, Duration.ofSeconds(5));
    watch.start();
    watch.close();
    FakeStreams.Opened first = streams.await(0);
    first.listener().onError(EtcdExceptionFactory.newEtcdException(ErrorCode.UNAVAILABLE, "late"));
    Thread.sleep(300);
    assertThat(listener.isClosed()).isFalse();
    assertThat(first.closed()).isTrue();
    assertThat(streams.all()).as("no stream opened after the owner's close").hasSize(1);
    assertThat(removed.await(5, TimeUnit.SECONDS)).as("unregistered").isTrue();
  }
}
