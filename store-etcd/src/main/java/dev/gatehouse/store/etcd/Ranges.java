package dev.gatehouse.store.etcd;

import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.FutureRevisionException;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Response;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Range reads as etcd range requests. The SPI's {@code count} is the number of keys matching the request
 * ignoring {@code startAfter} and {@code limit}; etcd counts the range it was asked for, so a continuation
 * (which narrows the range to after {@code startAfter}) is sent as one read-only etcd Txn holding the page
 * read and a count-only read of the whole range: both then see the same revision, and the Txn is still a
 * linearizable read.
 */
final class Ranges {
  private final KV kv;
  private final Keys keys;
  private final Revisions revisions;
  private final Duration timeout;

  Ranges(KV kv, Keys keys, Revisions revisions, Duration timeout) {
    this.kv = kv;
    this.keys = keys;
    this.revisions = revisions;
    this.timeout = timeout;
  }

  RangeResult range(RangeRequest request) {
    long revision = request.revision();
    long compacted = revisions.compacted();
    if (revision > 0 && revision < compacted) {
      throw new CompactedException(revision, compacted);
    }
    return request.prefix() ? prefix(request) : single(request);
  }

  /** etcd's current revision, from a linearizable read (so it includes every write that has returned). */
  long headRevision() {
    return await(kv.get(keys.probeKey(), GetOption.builder().withCountOnly(true).build()), 0).getHeader()
        .getRevision();
  }

  /** Whether etcd still holds the history at {@code revision} (it has not been compacted away). */
  boolean readable(long revision) {
    try {
      await(kv.get(keys.probeKey(), GetOption.builder().withCountOnly(true).withRevision(revision).build()), revision);
      return true;
    } catch (CompactedException e) {
      return false;
    }
  }

  private RangeResult single(RangeRequest request) {
    long revision = request.revision();
    GetOption option = GetOption.builder().withRevision(revision).withCountOnly(request.countOnly()).build();
    GetResponse response = await(kv.get(keys.key(request.key()), option), revision);
    boolean afterStart = request.startAfter() == null
        || Arrays.compareUnsigned(keys.full(request.key()), keys.full(request.startAfter())) > 0;
    List<KeyValue> kvs = request.countOnly() || !afterStart ? List.of() : Kvs.all(keys, response.getKvs());
    return new RangeResult(kvs, false, response.getCount(), servedAt(revision, response));
  }

  private RangeResult prefix(RangeRequest request) {
    long revision = request.revision();
    Keys.Span span = keys.prefix(request.key());
    if (request.countOnly()) {
      GetResponse response = await(kv.get(span.startKey(), count(span, revision)), revision);
      return new RangeResult(List.of(), false, response.getCount(), servedAt(revision, response));
    }
    if (request.startAfter() == null) {
      GetResponse response = await(kv.get(span.startKey(), page(span, revision, request.limit())), revision);
      return new RangeResult(Kvs.all(keys, response.getKvs()), response.isMore(), response.getCount(),
          servedAt(revision, response));
    }
    Keys.Span rest = span.after(keys.full(request.startAfter()));
    if (rest == null) {
      GetResponse response = await(kv.get(span.startKey(), count(span, revision)), revision);
      return new RangeResult(List.of(), false, response.getCount(), servedAt(revision, response));
    }
    TxnResponse response = await(kv.txn()
        .Then(Op.get(rest.startKey(), page(rest, revision, request.limit())), Op.get(span.startKey(), count(span, revision)))
        .commit(), revision);
    GetResponse items = response.getGetResponses().get(0);
    GetResponse total = response.getGetResponses().get(1);
    return new RangeResult(Kvs.all(keys, items.getKvs()), items.isMore(), total.getCount(),
        servedAt(revision, response));
  }

  private static GetOption page(Keys.Span span, long revision, long limit) {
    return GetOption.builder().withRange(span.endKey()).withRevision(revision).withLimit(limit).build();
  }

  private static GetOption count(Keys.Span span, long revision) {
    return GetOption.builder().withRange(span.endKey()).withRevision(revision).withCountOnly(true).build();
  }

  /** A read at an older revision is served at that revision; etcd's header names its current one instead. */
  private long servedAt(long requested, Response response) {
    long head = response.getHeader().getRevision();
    revisions.seen(head);
    return requested > 0 ? requested : head;
  }

  private <T> T await(CompletableFuture<T> future, long revision) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw EtcdErrors.generic("range", e);
    } catch (Exception e) {
      future.cancel(true);
      switch (EtcdErrors.classify(e)) {
        case COMPACTED -> {
          // etcd refused: it knows a later compaction than this process does, so learn it before answering.
          long compacted = revisions.probeCompacted(kv, keys, revision + 1, timeout);
          throw new CompactedException(revision, compacted);
        }
        case FUTURE_REVISION -> throw new FutureRevisionException(revision, revisions.current());
        default -> throw EtcdErrors.generic("range", e);
      }
    }
  }
}
