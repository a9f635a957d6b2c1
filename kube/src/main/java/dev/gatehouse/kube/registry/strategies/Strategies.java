package dev.gatehouse.kube.registry.strategies;

import dev.gatehouse.kube.handlers.Strategy;
import java.util.Map;

/** The per-kind strategies, keyed "group/plural". Kinds not listed use {@link Strategy#DEFAULT}. */
public final class Strategies {
  private Strategies() {}

  public static Map<String, Strategy> builtin(ServiceAllocator allocator) {
    return Map.of(
        "/namespaces", new NamespaceStrategy(),
        "/secrets", new SecretStrategy(),
        "/pods", new PodStrategy(),
        "/services", new ServiceStrategy(allocator),
        "/nodes", new StatusKeepingStrategy(false),
        "apps/deployments", new DeploymentStrategy(),
        "apiextensions.k8s.io/customresourcedefinitions", new CrdStrategy());
  }
}
