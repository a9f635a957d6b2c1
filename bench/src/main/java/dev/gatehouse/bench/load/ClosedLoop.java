package dev.gatehouse.bench.load;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop driver: {@code concurrency} lanes, each sending its next request as soon as the previous one
 * answered (so at most {@code concurrency} requests are in flight, one per pooled connection). It runs a warm-up
 * first, then counts only requests both sent and answered inside the measuring window. Throughput is what the
 * server sustains at that concurrency; latencies include the client's own queueing, as any real client's would.
 */
final class ClosedLoop {
  /** Starts request number {@code sequence} (unique across lanes). */
  interface Call {
    Future<ApiClient.Response> start(long sequence);
  }

  record Outcome(long completed, long errors, double seconds, Latencies.Summary latency, List<String> errorSamples,
                 double serverCores, double clientCores) {
    double perSecond() {
      return completed / seconds;
    }
  }

  private final Call call;
  private final AtomicLong sequence = new AtomicLong();
  private final Latencies latencies = new Latencies();
  private final LongAdder completed = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private volatile boolean stopping;
  private CountDownLatch lanesDone;

  private ClosedLoop(Call call) {
    this.call = call;
  }

  static Outcome run(Call call, int concurrency, Duration warmup, Duration measure, CpuMeter cpu)
      throws InterruptedException {
    return new ClosedLoop(call).drive(concurrency, warmup, measure, cpu);
  }

  private Outcome drive(int concurrency, Duration warmup, Duration measure, CpuMeter cpu)
      throws InterruptedException {
    lanesDone = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      next();
    }
    Thread.sleep(warmup.toMillis());
    cpu.start();
    long start = System.nanoTime();
    windowStart = start;
    Thread.sleep(measure.toMillis());
    long end = System.nanoTime();
    windowEnd = end;
    double[] cores = cpu.stop();
    stopping = true;
    if (!lanesDone.await(60, TimeUnit.SECONDS)) {
      errorSamples.add("some requests had not answered 60 s after the window closed");
    }
    return new Outcome(completed.sum(), errors.sum(), (end - start) / 1e9, latencies.summary(),
        List.copyOf(errorSamples), cores[0], cores[1]);
  }

  private void next() {
    if (stopping) {
      lanesDone.countDown();
      return;
    }
    long sentAt = System.nanoTime();
    Future<ApiClient.Response> answer;
    try {
      answer = call.start(sequence.getAndIncrement());
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(result -> {
      long answeredAt = System.nanoTime();
      boolean ok = result.succeeded() && result.result().ok();
      if (sentAt >= windowStart && answeredAt <= windowEnd) {
        completed.increment();
        latencies.record(answeredAt - sentAt);
        if (!ok) {
          errors.increment();
        }
      }
      if (!ok && errorSamples.size() < 3) {
        errorSamples.add(result.succeeded() ? result.result().status() + " " + result.result().text()
            : String.valueOf(result.cause()));
      }
      next();
    });
  }
}
