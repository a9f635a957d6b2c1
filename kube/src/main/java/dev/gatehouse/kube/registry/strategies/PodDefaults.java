package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The defaults kube-apiserver's scheme applies to a PodSpec (k8s.io/kubernetes pkg/apis/core/v1/defaults.go). */
final class PodDefaults {
  private PodDefaults() {}

  static void apply(ObjectNode spec) {
    putIfAbsent(spec, "restartPolicy", "Always");
    putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    putIfAbsent(spec, "schedulerName", "default-scheduler");
    if (!spec.has("terminationGracePeriodSeconds")) {
      spec.put("terminationGracePeriodSeconds", 30);
    }
    if (!spec.has("securityContext")) {
      spec.putObject("securityContext");
    }
    if (!spec.hasNonNull("serviceAccountName") && spec.hasNonNull("serviceAccount")) {
      spec.set("serviceAccountName", spec.get("serviceAccount"));
    }
    for (String list : new String[] {"containers", "initContainers"}) {
      for (JsonNode c : spec.path(list)) {
        if (c instanceof ObjectNode container) {
          containerDefaults(container);
        }
      }
    }
  }

  private static void containerDefaults(ObjectNode container) {
    putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
    putIfAbsent(container, "terminationMessagePolicy", "File");
    if (!container.has("imagePullPolicy")) {
      String image = container.path("image").asText("");
      String tag = image.contains("@") ? "digest" : tagOf(image);
      container.put("imagePullPolicy", tag.isEmpty() || tag.equals("latest") ? "Always" : "IfNotPresent");
    }
    if (!container.has("resources")) {
      container.putObject("resources");
    }
    for (JsonNode p : container.path("ports")) {
      if (p instanceof ObjectNode port) {
        putIfAbsent(port, "protocol", "TCP");
      }
    }
  }

  private static String tagOf(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    return colon > slash ? image.substring(colon + 1) : "";
  }

  static void putIfAbsent(ObjectNode node, String field, String value) {
    if (!node.hasNonNull(field)) {
      node.put(field, value);
    }
  }
}
