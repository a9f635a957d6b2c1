package dev.gatehouse.store;

import java.util.List;

/** If every compare holds, run {@code success}, else run {@code failure}; atomically, at one new revision. */
public record Txn(List<Compare> compares, List<Op> success, List<Op> failure) {
  public static Txn of(Compare compare, Op onSuccess, Op onFailure) {
    return new Txn(List.of(compare), List.of(onSuccess), onFailure == null ? List.of() : List.of(onFailure));
  }
}
