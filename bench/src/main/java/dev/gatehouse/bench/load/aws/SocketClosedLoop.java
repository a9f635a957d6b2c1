package dev.gatehouse.bench.load.aws;

import dev.gatehouse.bench.load.CpuMeter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed loop over plain sockets: {@code connections} lanes, each a thread with its own keep-alive connection
 * that signs and sends its next request as soon as the previous one answered. After the warm-up, only requests
 * both sent and answered inside the window count. Latency runs from before signing to the last byte of the
 * response, so it includes the client's signing, as an SDK caller would see it.
 */
final class SocketClosedLoop {
  /**
   * One measured window. {@code errors}: failed exchanges, non-2xx answers and 2xx answers without the
   * scenario's telltale element. {@code signMicros}: the mean time this generator spent signing a request.
   */
  record Outcome(long completed, long errors, double seconds, LaneLatencies.Summary latency,
                 List<String> errorSamples, CpuMeter.Cores cores, double signMicros) {
    double perSecond() {
      return completed / seconds;
    }
  }

  private final AwsTarget target;
  private final AwsScenario scenario;
  private final LongFunction<String> form;
  private final AtomicLong sequence = new AtomicLong();
  private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private volatile boolean stopping;

  private SocketClosedLoop(AwsTarget target, AwsScenario scenario) {
    this.target = target;
    this.scenario = scenario;
    this.form = scenario.form(target);
  }

  static Outcome run(AwsTarget target, AwsScenario scenario, int connections, Duration warmup, Duration measure)
      throws InterruptedException {
    return new SocketClosedLoop(target, scenario).drive(connections, warmup, measure);
  }

  private Outcome drive(int connections, Duration warmup, Duration measure) throws InterruptedException {
    List<Lane> lanes = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Lane lane = new Lane();
      lanes.add(lane);
      Thread t = new Thread(lane, "aws-load-" + target.name() + "-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    Thread.sleep(warmup.toMillis());
    CpuMeter cpu = new CpuMeter(target.pid());
    cpu.start();
    long start = System.nanoTime();
    windowStart = start;
    Thread.sleep(measure.toMillis());
    long end = System.nanoTime();
    windowEnd = end;
    CpuMeter.Cores cores = cpu.stopCores();
    stopping = true;
    for (Thread t : threads) {
      t.join(60_000);
      if (t.isAlive()) {
        errorSamples.add("a lane had not finished 60 s after the window closed");
        t.interrupt();
      }
    }
    long completed = 0;
    long errors = 0;
    long signNanos = 0;
    long signed = 0;
    List<LaneLatencies> latencies = new ArrayList<>();
    for (Lane lane : lanes) {
      completed += lane.completed;
      errors += lane.errors;
      signNanos += lane.signNanos;
      signed += lane.signed;
      latencies.add(lane.latencies);
    }
    List<String> samples;
    synchronized (errorSamples) {
      samples = List.copyOf(errorSamples);
    }
    return new Outcome(completed, errors, (end - start) / 1e9, LaneLatencies.Summary.of(latencies), samples, cores,
        signed == 0 ? 0 : signNanos / 1e3 / signed);
  }

  private void sample(String error) {
    if (errorSamples.size() < 3) {
      errorSamples.add(error);
    }
  }

  /** One connection's loop; its counters are read only after its thread has ended. */
  private final class Lane implements Runnable {
    final LaneLatencies latencies = new LaneLatencies();
    long completed;
    long errors;
    long signNanos;
    long signed;

    @Override
    public void run() {
      try (QueryConnection connection = new QueryConnection(target.address())) {
        while (!stopping) {
          long sentAt = System.nanoTime();
          byte[] request = target.signer().request(scenario.service(), form.apply(sequence.getAndIncrement()), Instant.now());
          long signedAt = System.nanoTime();
          boolean ok;
          try {
            QueryConnection.Response response = connection.exchange(request);
            ok = scenario.answered(response);
            if (!ok) {
              sample(response.summary());
            }
          } catch (IOException | RuntimeException e) {
            ok = false;
            sample(String.valueOf(e));
          }
          long answeredAt = System.nanoTime();
          if (sentAt >= windowStart && answeredAt <= windowEnd) {
            completed++;
            latencies.record(answeredAt - sentAt);
            signNanos += signedAt - sentAt;
            signed++;
            if (!ok) {
              errors++;
            }
          }
        }
      }
    }
  }
}
