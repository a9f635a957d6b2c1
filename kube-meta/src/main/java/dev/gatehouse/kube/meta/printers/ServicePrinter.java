package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.GoStrings;
import dev.gatehouse.kube.meta.internal.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Upstream {@code printService}: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR. */
final class ServicePrinter implements RowPrinter {

    @Override
    public List<Object> cells(JsonNode svc, Instant now) {
        String clusterIP = Json.text(svc, "/spec/clusterIPs/0");
        if (clusterIP.isEmpty()) {
            // Objects written before dual-stack carry only clusterIP; conversion fills clusterIPs from it.
            clusterIP = Json.text(svc, "/spec/clusterIP");
        }
        String ports = portString(svc);
        return List.of(RowPrinter.name(svc), Json.text(svc, "/spec/type"), clusterIP.isEmpty() ? "<none>" : clusterIP,
                externalIP(svc), ports.isEmpty() ? "<none>" : ports, RowPrinter.age(svc, now),
                Labels.format(Json.stringMap(svc, "/spec/selector")));
    }

    /** Upstream {@code getServiceExternalIP} with {@code wide=true}, as the server always prints. */
    private static String externalIP(JsonNode svc) {
        List<String> externalIPs = Json.stringList(svc, "/spec/externalIPs");
        return switch (Json.text(svc, "/spec/type")) {
            case "ClusterIP", "NodePort" -> externalIPs.isEmpty() ? "<none>" : String.join(",", externalIPs);
            case "LoadBalancer" -> {
                String lbIPs = loadBalancerIngress(svc);
                if (!externalIPs.isEmpty()) {
                    List<String> results = new ArrayList<>();
                    if (!lbIPs.isEmpty()) {
                        results.addAll(List.of(lbIPs.split(",")));
                    }
                    results.addAll(externalIPs);
                    yield String.join(",", results);
                }
                yield lbIPs.isEmpty() ? "<pending>" : lbIPs;
            }
            case "ExternalName" -> Json.text(svc, "/spec/externalName");
            default -> "<unknown>";
        };
    }

    /** Distinct ingress IPs (or hostnames when no IP), sorted, comma separated. */
    private static String loadBalancerIngress(JsonNode svc) {
        TreeSet<String> result = new TreeSet<>(GoStrings::compare);
        for (JsonNode ingress : Json.array(svc, "/status/loadBalancer/ingress")) {
            String ip = Json.text(ingress, "/ip");
            String hostname = Json.text(ingress, "/hostname");
            if (!ip.isEmpty()) {
                result.add(ip);
            } else if (!hostname.isEmpty()) {
                result.add(hostname);
            }
        }
        return String.join(",", result);
    }

    /** {@code 80/TCP}, or {@code 80:30080/TCP} when a node port is allocated. */
    private static String portString(JsonNode svc) {
        List<String> pieces = new ArrayList<>();
        for (JsonNode port : Json.array(svc, "/spec/ports")) {
            long p = Json.integer(port, "/port");
            long nodePort = Json.integer(port, "/nodePort");
            String protocol = Json.text(port, "/protocol");
            pieces.add(nodePort > 0 ? p + ":" + nodePort + "/" + protocol : p + "/" + protocol);
        }
        return String.join(",", pieces);
    }
}
