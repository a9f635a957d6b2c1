package dev.gatehouse.store.etcd;

import dev.gatehouse.store.Compare;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.DeleteResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.PutResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One store transaction as one etcd Txn: the compares become etcd compares on MOD / CREATE revision (a missing
 * key compares as 0 in etcd too), each op becomes a RequestOp asking for the previous value, and the response
 * is turned back into the SPI's per-op results.
 *
 * <p>Two differences are bridged here rather than left to surface. etcd rejects a transaction when either
 * branch writes one key twice, while the SPI fails only when the branch that runs does; so such a branch is
 * sent empty and the failure is raised only if etcd reports that it was the one taken (an empty branch writes
 * nothing, so nothing is written either way). And etcd's PutResponse carries only the previous value; the new
 * key-value is derived from it and the transaction's revision, exactly as etcd's mvcc computes it.
 */
final class TxnPlan {
  private static final io.etcd.jetcd.op.Op[] NONE = new io.etcd.jetcd.op.Op[0];

  private final Keys keys;
  private final Txn txn;
  private final String successDuplicate;
  private final String failureDuplicate;

  private TxnPlan(Keys keys, Txn txn) {
    this.keys = keys;
    this.txn = txn;
    this.successDuplicate = duplicateWrite(txn.success());
    this.failureDuplicate = duplicateWrite(txn.failure());
  }

  static TxnPlan of(Keys keys, Txn txn) {
    return new TxnPlan(keys, txn);
  }

  CompletableFuture<TxnResponse> commit(KV kv) {
    List<Cmp> compares = new ArrayList<>();
    for (Compare c : txn.compares()) {
      // Compare is sealed to these two; Java 17 has no pattern switch, so the second branch is the other one.
      compares.add(c instanceof Compare.ModRevisionEquals m
          ? new Cmp(keys.key(m.key()), Cmp.Op.EQUAL, CmpTarget.modRevision(m.revision()))
          : new Cmp(keys.key(c.key()), Cmp.Op.EQUAL,
              CmpTarget.createRevision(((Compare.CreateRevisionEquals) c).revision())));
    }
    return kv.txn()
        .If(compares.toArray(Cmp[]::new))
        .Then(successDuplicate == null ? ops(txn.success()) : NONE)
        .Else(failureDuplicate == null ? ops(txn.failure()) : NONE)
        .commit();
  }

  /** The lease named by the first leased put: what a "lease not found" from etcd refers to. */
  long firstLease() {
    for (List<Op> branch : List.of(txn.success(), txn.failure())) {
      for (Op op : branch) {
        if (op instanceof Op.Put put && put.lease() != 0) {
          return put.lease();
        }
      }
    }
    return 0;
  }

  TxnResult result(TxnResponse response) {
    boolean succeeded = response.isSucceeded();
    String duplicate = succeeded ? successDuplicate : failureDuplicate;
    if (duplicate != null) {
      throw duplicateKey(duplicate);
    }
    long revision = response.getHeader().getRevision();
    List<PutResponse> puts = response.getPutResponses();
    List<DeleteResponse> deletes = response.getDeleteResponses();
    List<GetResponse> gets = response.getGetResponses();
    int put = 0;
    int delete = 0;
    int get = 0;
    List<KeyValue> results = new ArrayList<>();
    for (Op op : succeeded ? txn.success() : txn.failure()) {
      // jetcd groups the responses by kind; within a kind they keep the order of the ops.
      if (op instanceof Op.Put p) {
        results.add(written(p, puts.get(put++), revision));
      } else if (op instanceof Op.Delete) {
        List<io.etcd.jetcd.KeyValue> previous = deletes.get(delete++).getPrevKvs();
        results.add(previous.isEmpty() ? null : Kvs.of(keys, previous.get(0)));
      } else {
        List<io.etcd.jetcd.KeyValue> found = gets.get(get++).getKvs();
        results.add(found.isEmpty() ? null : Kvs.of(keys, found.get(0)));
      }
    }
    return new TxnResult(succeeded, revision, results);
  }

  static StoreException duplicateKey(String key) {
    return new StoreException("store: duplicate key given in txn request: \"" + key + "\"");
  }

  private KeyValue written(Op.Put put, PutResponse response, long revision) {
    KeyValue previous = response.hasPrevKv() ? Kvs.orNull(keys, response.getPrevKv()) : null;
    long createRevision = previous == null ? revision : previous.createRevision();
    long version = previous == null ? 1 : previous.version() + 1;
    return new KeyValue(put.key(), put.value(), createRevision, revision, version, put.lease());
  }

  private io.etcd.jetcd.op.Op[] ops(List<Op> ops) {
    io.etcd.jetcd.op.Op[] out = new io.etcd.jetcd.op.Op[ops.size()];
    for (int i = 0; i < out.length; i++) {
      Op op = ops.get(i);
      ByteSequence key = keys.key(op.key());
      if (op instanceof Op.Put p) {
        out[i] = io.etcd.jetcd.op.Op.put(key, ByteSequence.from(p.value()),
            PutOption.builder().withLeaseId(p.lease()).withPrevKV().build());
      } else if (op instanceof Op.Delete) {
        out[i] = io.etcd.jetcd.op.Op.delete(key, DeleteOption.builder().withPrevKV(true).build());
      } else {
        out[i] = io.etcd.jetcd.op.Op.get(key, GetOption.DEFAULT);
      }
    }
    return out;
  }

  private static String duplicateWrite(List<Op> ops) {
    Set<String> written = new HashSet<>();
    for (Op op : ops) {
      if (!(op instanceof Op.Get) && !written.add(op.key())) {
        return op.key();
      }
    }
    return null;
  }
}
