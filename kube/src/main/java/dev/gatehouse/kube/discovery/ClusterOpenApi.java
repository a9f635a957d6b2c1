package dev.gatehouse.kube.discovery;

import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.openapi.v3.CustomResourceSpec;
import dev.gatehouse.kube.openapi.v3.OpenApiV3;
import dev.gatehouse.kube.resource.ResourceCatalog;
import dev.gatehouse.kube.resource.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The OpenAPI v3 documents each logical cluster serves: the built-in group-versions Gatehouse serves (from the
 * bundled upstream document) plus, per cluster, the documents of its custom resources.
 */
public final class ClusterOpenApi implements Function<LogicalCluster, OpenApiV3> {
  private static final Set<String> ALWAYS = Set.of("version", "api", "apis");
  private final OpenApiV3 builtin;
  private final Map<String, OpenApiV3> byCluster = new ConcurrentHashMap<>();

  public ClusterOpenApi(ResourceCatalog builtinCatalog) {
    this.builtin = OpenApiV3.bundled().retainDocuments(key -> ALWAYS.contains(key) || served(builtinCatalog, key));
  }

  private static boolean served(ResourceCatalog catalog, String key) {
    for (ResourceType t : catalog.types()) {
      String gv = t.group().isEmpty() ? "api/" + t.version() : "apis/" + t.group() + "/" + t.version();
      if (key.equals(gv) || !t.group().isEmpty() && key.equals("apis/" + t.group())) {
        return true;
      }
    }
    return false;
  }

  /** Builds every document now (the index needs all hashes); call off the request path at start-up. */
  public void warmUp() {
    builtin.warmUp();
  }

  @Override
  public OpenApiV3 apply(LogicalCluster cluster) {
    return byCluster.getOrDefault(cluster.name(), builtin);
  }

  /** Replaces a cluster's custom-resource documents after its CRDs changed. */
  public void customResourcesChanged(LogicalCluster cluster, List<ResourceType> custom) {
    OpenApiV3 docs = builtin;
    for (ResourceType t : custom) {
      docs = docs.withCustomResource(new CustomResourceSpec(t.group(), t.version(), t.kind(), t.listKind(), t.plural(),
          t.namespaced(), t.schema().isMissingNode() ? null : t.schema(), t.subresource("status").isPresent(),
          t.subresource("scale").isPresent()));
    }
    if (custom.isEmpty()) {
      byCluster.remove(cluster.name());
    } else {
      byCluster.put(cluster.name(), docs);
    }
  }
}
