package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pods: spec defaults, the namespace's default service account, and a Pending status with a QoS class. */
public final class PodStrategy extends StatusKeepingStrategy {
  public PodStrategy() {
    super(false);
  }

  @Override
  public void prepareForCreate(ObjectNode object) {
    ObjectNode spec = object.withObject("/spec");
    PodDefaults.apply(spec);
    if (!spec.hasNonNull("serviceAccountName")) {
      spec.put("serviceAccountName", "default");
    }
    spec.put("serviceAccount", spec.path("serviceAccountName").asText());
    if (!spec.has("enableServiceLinks")) {
      spec.put("enableServiceLinks", true);
    }
    if (!spec.has("preemptionPolicy")) {
      spec.put("preemptionPolicy", "PreemptLowerPriority");
      spec.put("priority", 0);
    }
    ObjectNode status = object.putObject("status");
    status.put("phase", "Pending");
    status.put("qosClass", "BestEffort");
  }
}
