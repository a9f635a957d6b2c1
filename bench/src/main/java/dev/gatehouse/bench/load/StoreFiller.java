package dev.gatehouse.bench.load;

import io.vertx.core.http.HttpMethod;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills a server with {@code objects} ConfigMaps spread evenly over {@code namespaces} namespaces, through the
 * API with {@code lanes} creates in flight. Going through the API (rather than writing the store directly) stores
 * exactly what the server stores for a real client: uid, creationTimestamp, labels, encoding. Re-running is safe:
 * existing objects answer 409 and are counted as present.
 */
final class StoreFiller {
  private final ApiClient client;
  private final int objects;
  private final int namespaces;
  private final int valueBytes;
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong created = new AtomicLong();
  private final AtomicReference<String> failure = new AtomicReference<>();

  StoreFiller(ApiClient client, int objects, int namespaces, int valueBytes) {
    this.client = client;
    this.objects = objects;
    this.namespaces = namespaces;
    this.valueBytes = valueBytes;
  }

  static String namespace(int index) {
    return String.format("ns-%03d", index);
  }

  /** Fills, printing progress; returns creates per second. */
  double fill(int lanes) throws InterruptedException {
    for (int n = 0; n < namespaces; n++) {
      Manifests.ensureNamespace(client, namespace(n));
    }
    long start = System.nanoTime();
    CountDownLatch done = new CountDownLatch(lanes);
    for (int i = 0; i < lanes; i++) {
      lane(done);
    }
    while (!done.await(5, TimeUnit.SECONDS)) {
      System.out.printf("  filled %,d / %,d (%.0f/s)%n", next.get(), objects,
          next.get() / ((System.nanoTime() - start) / 1e9));
    }
    if (failure.get() != null) {
      throw new IllegalStateException("fill failed: " + failure.get());
    }
    return objects / ((System.nanoTime() - start) / 1e9);
  }

  private void lane(CountDownLatch done) {
    long i = next.getAndIncrement();
    if (i >= objects || failure.get() != null) {
      done.countDown();
      return;
    }
    String ns = namespace((int) (i % namespaces));
    String name = String.format("cm-%06d", i);
    client.send(HttpMethod.POST, "/api/v1/namespaces/" + ns + "/configmaps", Manifests.configMap(ns, name, valueBytes))
        .onComplete(result -> {
          if (result.succeeded() && (result.result().status() == 201 || result.result().status() == 409)) {
            created.incrementAndGet();
          } else {
            failure.compareAndSet(null, name + ": " + (result.succeeded()
                ? result.result().status() + " " + result.result().text() : String.valueOf(result.cause())));
          }
          lane(done);
        });
  }
}
