package dev.gatehouse.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One case of {@code contract-cases.yaml}: steps run in order against a fresh store. The YAML shape is
 * documented at the top of that file; unknown fields fail the load, so a typo cannot silently skip a check.
 */
record ContractCase(String name, List<Step> steps) {
  @Override
  public String toString() {
    return name;
  }

  record Step(PutSpec put, String delete, TxnSpec txn, RangeSpec range, Long compact, Expect expect) {}

  record PutSpec(String key, String value, Long lease) {}

  record TxnSpec(@JsonProperty("if") List<CompareSpec> conditions, List<OpSpec> then,
                 @JsonProperty("else") List<OpSpec> otherwise) {}

  record CompareSpec(String key, Long modRevision, Long createRevision) {}

  record OpSpec(PutSpec put, String delete, String get) {}

  record RangeSpec(String key, Boolean prefix, String startAfter, Long limit, Long revision, Boolean countOnly) {}

  record Expect(Boolean succeeded, Long revision, List<KvSpec> results, List<String> keys, List<KvSpec> kvs,
                Boolean more, Long count, String error) {}

  record KvSpec(String key, String value, Long createRevision, Long modRevision, Long version) {}
}
