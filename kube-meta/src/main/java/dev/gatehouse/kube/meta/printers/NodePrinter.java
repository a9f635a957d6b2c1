package dev.gatehouse.kube.meta.printers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.internal.GoStrings;
import dev.gatehouse.kube.meta.internal.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Upstream {@code printNode}: NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION
 * CONTAINER-RUNTIME. STATUS is {@code Ready}/{@code NotReady}/{@code Unknown} from the Ready condition, plus
 * {@code SchedulingDisabled} for cordoned nodes; ROLES come from {@code node-role.kubernetes.io/<role>} labels
 * and the legacy {@code kubernetes.io/role} label.
 */
final class NodePrinter implements RowPrinter {

    private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
    private static final String LEGACY_ROLE_LABEL = "kubernetes.io/role";

    @Override
    public List<Object> cells(JsonNode node, Instant now) {
        List<String> status = new ArrayList<>();
        String readyStatus = null;
        for (JsonNode condition : Json.array(node, "/status/conditions")) {
            if (Json.text(condition, "/type").equals("Ready")) {
                readyStatus = Json.text(condition, "/status"); // the last one wins, as in upstream's map
            }
        }
        if (readyStatus != null) {
            status.add(readyStatus.equals("True") ? "Ready" : "NotReady");
        }
        if (status.isEmpty()) {
            status.add("Unknown");
        }
        if (Json.bool(node, "/spec/unschedulable")) {
            status.add("SchedulingDisabled");
        }
        String roles = String.join(",", roles(Json.stringMap(node, "/metadata/labels")));
        return List.of(RowPrinter.name(node), String.join(",", status), roles.isEmpty() ? "<none>" : roles,
                RowPrinter.age(node, now), Json.text(node, "/status/nodeInfo/kubeletVersion"),
                address(node, "InternalIP"), address(node, "ExternalIP"),
                orUnknown(Json.text(node, "/status/nodeInfo/osImage")),
                orUnknown(Json.text(node, "/status/nodeInfo/kernelVersion")),
                orUnknown(Json.text(node, "/status/nodeInfo/containerRuntimeVersion")));
    }

    private static TreeSet<String> roles(Map<String, String> labels) {
        TreeSet<String> roles = new TreeSet<>(GoStrings::compare);
        labels.forEach((k, v) -> {
            if (k.startsWith(ROLE_LABEL_PREFIX)) {
                String role = k.substring(ROLE_LABEL_PREFIX.length());
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            } else if (k.equals(LEGACY_ROLE_LABEL) && !v.isEmpty()) {
                roles.add(v);
            }
        });
        return roles;
    }

    /** The first address of the type, or {@code <none>}. */
    private static String address(JsonNode node, String type) {
        for (JsonNode address : Json.array(node, "/status/addresses")) {
            if (Json.text(address, "/type").equals(type)) {
                return Json.text(address, "/address");
            }
        }
        return "<none>";
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "<unknown>" : s;
    }
}
