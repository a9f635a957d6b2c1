package dev.gatehouse.kube.registry.strategies;

import dev.gatehouse.kube.handlers.Strategy;
import java.util.Map;

/** The per-kind strategies, keyed "group/plural". Kinds not listed use {@link Strategy#DEFAULT}. */
public final class Strategies {
  private Strategies() {}

  public static Map<String, Strategy> builtin(ServiceAllocator allocator) {
    return Map.ofEntries(Map.entry("rbac.authorization.k8s.io/roles", RbacValidation.role()),
        Map.entry("rbac.authorization.k8s.io/clusterroles", RbacValidation.clusterRole()),
        Map.entry("rbac.authorization.k8s.io/rolebindings", RbacValidation.roleBinding()),
        Map.entry("rbac.authorization.k8s.io/clusterrolebindings", RbacValidation.clusterRoleBinding()),
        Map.entry("/namespaces", new NamespaceStrategy()),
        Map.entry("/secrets", new SecretStrategy()),
        Map.entry("/pods", new PodStrategy()),
        Map.entry("/services", new ServiceStrategy(allocator)),
        Map.entry("/nodes", new StatusKeepingStrategy(false)),
        Map.entry("apps/deployments", new DeploymentStrategy()),
        Map.entry("apiextensions.k8s.io/customresourcedefinitions", new CrdStrategy()));
  }
}
