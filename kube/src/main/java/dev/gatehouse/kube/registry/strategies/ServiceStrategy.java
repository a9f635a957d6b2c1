package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.handlers.ResourceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Services: the defaults kube-apiserver applies (type ClusterIP, session affinity, IP family, traffic policies,
 * port protocol and targetPort) and a cluster IP / node ports from {@link ServiceAllocator}.
 */
public final class ServiceStrategy extends StatusKeepingStrategy {
  private final ServiceAllocator allocator;

  public ServiceStrategy(ServiceAllocator allocator) {
    super(false);
    this.allocator = allocator;
  }

  @Override
  public void prepareForCreate(ResourceContext ctx, ObjectNode object) {
    ObjectNode spec = object.withObject("/spec");
    PodDefaults.putIfAbsent(spec, "type", "ClusterIP");
    String type = spec.path("type").asText();
    boolean externalName = type.equals("ExternalName");
    if (!externalName) {
      PodDefaults.putIfAbsent(spec, "sessionAffinity", "None");
      if (!spec.hasNonNull("clusterIP") || spec.path("clusterIP").asText().isEmpty()) {
        spec.put("clusterIP", allocator.allocateClusterIp(ctx.cluster()));
      }
      if (!spec.has("clusterIPs")) {
        spec.putArray("clusterIPs").add(spec.path("clusterIP").asText());
      }
      if (!spec.path("clusterIP").asText().equals("None") || spec.has("selector")) {
        if (!spec.has("ipFamilies")) {
          spec.putArray("ipFamilies").add("IPv4");
        }
        PodDefaults.putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
      }
      PodDefaults.putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
    }
    boolean nodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
    if (nodePorts) {
      PodDefaults.putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
    }
    if (type.equals("LoadBalancer") && !spec.has("allocateLoadBalancerNodePorts")) {
      spec.put("allocateLoadBalancerNodePorts", true);
    }
    for (JsonNode p : spec.path("ports")) {
      if (p instanceof ObjectNode port) {
        PodDefaults.putIfAbsent(port, "protocol", "TCP");
        if (!port.has("targetPort") && port.has("port")) {
          port.set("targetPort", port.get("port"));
        }
        if (nodePorts && !port.has("nodePort")) {
          port.put("nodePort", allocator.allocateNodePort(ctx.cluster()));
        }
      }
    }
    object.putObject("status").putObject("loadBalancer");
  }

  @Override
  public List<Cause> validate(ObjectNode object) {
    List<Cause> causes = new ArrayList<>();
    JsonNode spec = object.path("spec");
    String type = spec.path("type").asText("ClusterIP");
    List<String> types = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    if (!types.contains(type)) {
      causes.add(new Cause("FieldValueNotSupported", "Unsupported value: \"" + type
          + "\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"", "spec.type"));
    }
    boolean headless = spec.path("clusterIP").asText().equals("None");
    if (!type.equals("ExternalName") && !headless && spec.path("ports").isEmpty()) {
      causes.add(new Cause("FieldValueRequired", "Required value", "spec.ports"));
    }
    return causes;
  }
}
