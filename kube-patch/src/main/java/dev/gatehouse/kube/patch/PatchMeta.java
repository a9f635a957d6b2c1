package dev.gatehouse.kube.patch;

import java.util.List;

/**
 * The strategic-merge metadata declared on a field: {@code x-kubernetes-patch-strategy} split at commas (merge,
 * retainKeys, replace) and {@code x-kubernetes-patch-merge-key}. Both are empty when the field declares nothing.
 */
public record PatchMeta(List<String> strategies, String mergeKey) {
  public static final PatchMeta NONE = new PatchMeta(List.of(), "");

  public PatchMeta {
    strategies = List.copyOf(strategies);
    mergeKey = mergeKey == null ? "" : mergeKey;
  }

  /** Parses the extension values as they appear in the OpenAPI document; null means absent. */
  public static PatchMeta of(String strategy, String mergeKey) {
    if (strategy == null && mergeKey == null) {
      return NONE;
    }
    return new PatchMeta(strategy == null ? List.of() : List.of(strategy.split(",", -1)), mergeKey);
  }

  public boolean hasMergeKey() {
    return !mergeKey.isEmpty();
  }
}
