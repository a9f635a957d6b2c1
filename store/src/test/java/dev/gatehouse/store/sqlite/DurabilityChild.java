package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.Op;
import dev.gatehouse.store.Txn;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Child process of {@link SigkillDurabilityTest}: writes keys from several threads until killed and prints
 * "ACK key" on stdout as soon as a write's future completes, i.e. once the store calls it durable.
 *
 * <p>Arguments: store directory, writer thread count.
 */
public final class DurabilityChild {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    SqliteStore store = SqliteStore.open(dir);
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread writer = new Thread(() -> {
        Semaphore inFlight = new Semaphore(4); // a few outstanding writes per thread, like a busy server
        for (long i = 0; ; i++) {
          String key = "/durable/" + thread + "/" + i;
          inFlight.acquireUninterruptibly();
          byte[] value = ("value-" + i).getBytes();
          store.txn(new Txn(List.of(), List.of(new Op.Put(key, value)), List.of())).whenComplete((r, e) -> {
            if (e == null) {
              synchronized (out) {
                out.println("ACK " + key + " " + r.revision());
                out.flush();
              }
            }
            inFlight.release();
          });
        }
      }, "writer-" + t);
      writer.start();
    }
    Thread.currentThread().join(); // until SIGKILL
  }

  private DurabilityChild() {}
}
