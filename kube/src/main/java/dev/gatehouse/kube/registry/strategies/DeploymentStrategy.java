package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Deployments: apps/v1 defaults (replicas, strategy, history, deadline) and the pod template's defaults. */
public final class DeploymentStrategy extends StatusKeepingStrategy {
  public DeploymentStrategy() {
    super(true);
  }

  @Override
  public void prepareForCreate(ObjectNode object) {
    ObjectNode spec = object.withObject("/spec");
    if (!spec.has("replicas")) {
      spec.put("replicas", 1);
    }
    ObjectNode strategy = spec.withObject("/strategy");
    PodDefaults.putIfAbsent(strategy, "type", "RollingUpdate");
    if (strategy.path("type").asText().equals("RollingUpdate")) {
      ObjectNode rolling = strategy.withObject("/rollingUpdate");
      PodDefaults.putIfAbsent(rolling, "maxUnavailable", "25%");
      PodDefaults.putIfAbsent(rolling, "maxSurge", "25%");
    }
    if (!spec.has("revisionHistoryLimit")) {
      spec.put("revisionHistoryLimit", 10);
    }
    if (!spec.has("progressDeadlineSeconds")) {
      spec.put("progressDeadlineSeconds", 600);
    }
    PodDefaults.apply(spec.withObject("/template").withObject("/spec"));
    object.remove("status");
  }
}
