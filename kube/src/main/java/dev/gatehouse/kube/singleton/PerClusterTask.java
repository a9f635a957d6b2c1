package dev.gatehouse.kube.singleton;

import dev.gatehouse.coordination.singleton.SingletonTask;
import dev.gatehouse.kube.cluster.Clusters;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.store.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Singleton work done per logical cluster (e.g. ClusterRole aggregation): while this replica leads, the
 * controller runs on every cluster, including clusters created meanwhile; on hand-over every watch it opened
 * is closed, so two replicas never reconcile at once.
 */
public final class PerClusterTask implements SingletonTask {
  private final String name;
  private final Clusters clusters;
  private final Function<LogicalCluster, Watch> controller;

  public PerClusterTask(String name, Clusters clusters, Function<LogicalCluster, Watch> controller) {
    this.name = name;
    this.clusters = clusters;
    this.controller = controller;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public AutoCloseable start() {
    List<Watch> watches = new ArrayList<>();
    AutoCloseable subscription = clusters.onEachCluster(cluster -> {
      Watch watch = controller.apply(cluster);
      synchronized (watches) {
        watches.add(watch);
      }
    });
    return () -> {
      subscription.close();
      synchronized (watches) {
        watches.forEach(Watch::close);
        watches.clear();
      }
    };
  }
}
