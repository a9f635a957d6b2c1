package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.store.ContractCase.CompareSpec;
import dev.gatehouse.store.ContractCase.Expect;
import dev.gatehouse.store.ContractCase.KvSpec;
import dev.gatehouse.store.ContractCase.OpSpec;
import dev.gatehouse.store.ContractCase.PutSpec;
import dev.gatehouse.store.ContractCase.RangeSpec;
import dev.gatehouse.store.ContractCase.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Runs {@link ContractCase}s. Revisions in a case are relative to the store's revision when the case starts,
 * so an engine whose fresh store does not start at 0 runs the same file.
 */
final class ContractCaseRunner {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final Store store;
  private final long base;

  private ContractCaseRunner(Store store) {
    this.store = store;
    this.base = store.currentRevision();
  }

  static List<ContractCase> load(String resource) {
    try (InputStream in = ContractCaseRunner.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return YAML.readValue(in, new TypeReference<List<ContractCase>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void run(Store store, ContractCase c) {
    ContractCaseRunner runner = new ContractCaseRunner(store);
    for (int i = 0; i < c.steps().size(); i++) {
      Step step = c.steps().get(i);
      try {
        runner.step(step);
      } catch (AssertionError e) {
        throw new AssertionError("step " + (i + 1) + " " + step + ": " + e.getMessage(), e);
      }
    }
  }

  private void step(Step step) {
    Expect expect = step.expect() == null
        ? new Expect(null, null, null, null, null, null, null, null) : step.expect();
    Object outcome;
    try {
      outcome = execute(step);
    } catch (RuntimeException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (expect.error() == null) {
        throw new AssertionError("unexpected failure: " + cause, cause);
      }
      assertThat(cause.getClass().getSimpleName()).as("error").isEqualTo(expect.error());
      return;
    }
    if (expect.error() != null) {
      fail("expected %s but the step succeeded with %s", expect.error(), outcome);
    }
    if (outcome instanceof TxnResult result) {
      checkTxn(result, expect);
    } else if (outcome instanceof RangeResult result) {
      checkRange(result, expect);
    }
  }

  private Object execute(Step step) {
    if (step.put() != null) {
      return store.txn(new Txn(List.of(), List.of(put(step.put())), List.of())).join();
    }
    if (step.delete() != null) {
      return store.txn(new Txn(List.of(), List.of(new Op.Delete(step.delete())), List.of())).join();
    }
    if (step.txn() != null) {
      List<Compare> compares = new ArrayList<>();
      for (CompareSpec c : orEmpty(step.txn().conditions())) {
        compares.add(c.modRevision() != null
            ? new Compare.ModRevisionEquals(c.key(), rev(c.modRevision()))
            : new Compare.CreateRevisionEquals(c.key(), rev(c.createRevision())));
      }
      return store.txn(new Txn(compares, ops(step.txn().then()), ops(step.txn().otherwise()))).join();
    }
    if (step.range() != null) {
      RangeSpec r = step.range();
      return store.range(new RangeRequest(r.key(), Boolean.TRUE.equals(r.prefix()), r.startAfter(),
          r.limit() == null ? 0 : r.limit(), r.revision() == null ? 0 : rev(r.revision()),
          Boolean.TRUE.equals(r.countOnly())));
    }
    if (step.compact() != null) {
      return store.compact(rev(step.compact())).join();
    }
    throw new IllegalArgumentException("step names no action: " + step);
  }

  private void checkTxn(TxnResult result, Expect expect) {
    if (expect.succeeded() != null) {
      assertThat(result.succeeded()).as("succeeded").isEqualTo(expect.succeeded());
    }
    if (expect.revision() != null) {
      assertThat(result.revision()).as("revision").isEqualTo(base + expect.revision());
    }
    if (expect.results() != null) {
      assertThat(result.results()).as("results").hasSize(expect.results().size());
      for (int i = 0; i < expect.results().size(); i++) {
        checkKv("results[" + i + "]", result.results().get(i), expect.results().get(i));
      }
    }
  }

  private void checkRange(RangeResult result, Expect expect) {
    if (expect.keys() != null) {
      assertThat(result.kvs()).extracting(KeyValue::key).as("keys").containsExactlyElementsOf(expect.keys());
    }
    if (expect.kvs() != null) {
      assertThat(result.kvs()).as("kvs").hasSize(expect.kvs().size());
      for (int i = 0; i < expect.kvs().size(); i++) {
        checkKv("kvs[" + i + "]", result.kvs().get(i), expect.kvs().get(i));
      }
    }
    if (expect.more() != null) {
      assertThat(result.more()).as("more").isEqualTo(expect.more());
    }
    if (expect.count() != null) {
      assertThat(result.count()).as("count").isEqualTo(expect.count());
    }
    if (expect.revision() != null) {
      assertThat(result.revision()).as("revision").isEqualTo(base + expect.revision());
    }
  }

  private void checkKv(String what, KeyValue actual, KvSpec expected) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
      return;
    }
    assertThat(actual).as(what).isNotNull();
    if (expected.key() != null) {
      assertThat(actual.key()).as(what + ".key").isEqualTo(expected.key());
    }
    if (expected.value() != null) {
      assertThat(new String(actual.value(), StandardCharsets.UTF_8)).as(what + ".value").isEqualTo(expected.value());
    }
    if (expected.createRevision() != null) {
      assertThat(actual.createRevision()).as(what + ".createRevision").isEqualTo(rev(expected.createRevision()));
    }
    if (expected.modRevision() != null) {
      assertThat(actual.modRevision()).as(what + ".modRevision").isEqualTo(rev(expected.modRevision()));
    }
    if (expected.version() != null) {
      assertThat(actual.version()).as(what + ".version").isEqualTo(expected.version());
    }
  }

  private List<Op> ops(List<OpSpec> specs) {
    List<Op> ops = new ArrayList<>();
    for (OpSpec op : orEmpty(specs)) {
      if (op.put() != null) {
        ops.add(put(op.put()));
      } else if (op.delete() != null) {
        ops.add(new Op.Delete(op.delete()));
      } else if (op.get() != null) {
        ops.add(new Op.Get(op.get()));
      } else {
        throw new IllegalArgumentException("op names no action: " + op);
      }
    }
    return ops;
  }

  private static Op.Put put(PutSpec put) {
    return new Op.Put(put.key(), put.value().getBytes(StandardCharsets.UTF_8), put.lease() == null ? 0 : put.lease());
  }

  /** A case's relative revision as the store's absolute one; 0 keeps meaning "absent" / "current". */
  /** A revision the case names (compares, reads, compaction): 0 keeps its meaning (absent key, latest). */
  private long rev(long relative) {
    return relative == 0 ? 0 : base + relative;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
