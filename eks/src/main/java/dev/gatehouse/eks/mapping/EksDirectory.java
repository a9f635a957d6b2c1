package dev.gatehouse.eks.mapping;

import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import java.util.List;
import java.util.Optional;

/** The EKS records the Kubernetes side reads: a cluster and its access entries, from memory, never the store. */
public interface EksDirectory {
  /** The EKS cluster behind logical cluster {@code name}; empty for a plain logical cluster. */
  Optional<EksCluster> cluster(String name);

  /** The cluster's access entries (any order); empty when it has none. */
  List<AccessEntry> accessEntries(String cluster);

  /** The directory over the AWS side's in-memory mirror of the store. */
  static EksDirectory of(AwsState state) {
    return new EksDirectory() {
      @Override
      public Optional<EksCluster> cluster(String name) {
        return state.get(AwsKeys.eksCluster(name), EksCluster.class).map(AwsState.Versioned::value);
      }

      @Override
      public List<AccessEntry> accessEntries(String cluster) {
        return state.values(AwsKeys.accessEntryPrefix(cluster), AccessEntry.class);
      }
    };
  }
}
