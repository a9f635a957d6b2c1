package dev.gatehouse.kube.singleton;

import dev.gatehouse.coordination.singleton.SingletonTask;
import dev.gatehouse.kube.authn.tokens.serviceaccount.ServiceAccountKeys;
import dev.gatehouse.kube.serviceaccounts.ServiceAccountIssuers;
import dev.gatehouse.store.Compare;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-rotation housekeeping of every cluster: signing keys retired by a rotation are published (JWKS) and
 * accepted until the last token they signed has expired; after that the leader drops them from the store,
 * and every replica follows the change through its watch. A concurrent rotation wins: the write is guarded
 * by the keys' mod revision and simply retried at the next run.
 */
public final class ServiceAccountKeyHousekeeping implements SingletonTask {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountKeyHousekeeping.class);
  private final Store store;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final Duration interval;

  public ServiceAccountKeyHousekeeping(Store store, Clock clock, ScheduledExecutorService timers, Duration interval) {
    this.store = store;
    this.clock = clock;
    this.timers = timers;
    this.interval = interval;
  }

  @Override
  public String name() {
    return "service-account key housekeeping";
  }

  @Override
  public AutoCloseable start() {
    ScheduledFuture<?> runs = timers.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return () -> runs.cancel(false);
  }

  /** Prunes every cluster's expired retired keys once; returns how many keys were dropped. */
  public int runOnce() {
    int dropped = 0;
    try {
      for (KeyValue kv : store.range(RangeRequest.prefix(ServiceAccountIssuers.KEYS_PREFIX)).kvs()) {
        ServiceAccountKeys keys = ServiceAccountKeys.fromPem(kv.value(), clock);
        int pruned = keys.prune();
        if (pruned > 0 && store.txn(Txn.of(new Compare.ModRevisionEquals(kv.key(), kv.modRevision()),
            new Op.Put(kv.key(), keys.toPem()), null)).join().succeeded()) {
          LOG.info("service-account keys {}: dropped {} retired key(s) whose tokens have all expired", kv.key(),
              pruned);
          dropped += pruned;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("service-account key housekeeping failed; retrying at the next run", e);
    }
    return dropped;
  }
}
