package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.cluster.Clusters;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.pki.Pem;
import dev.gatehouse.kube.pki.ServerPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;

/**
 * The admin kubeconfig: one kubectl context per logical cluster ("gatehouse" for the default one, the
 * cluster's name for the others), all with the admin client certificate. Written owner-readable only.
 */
final class Kubeconfigs {
  private Kubeconfigs() {}

  static Path writeAdmin(Path dataDir, ServerPki pki, String url, Clusters clusters) throws IOException {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("apiVersion", "v1");
    config.put("kind", "Config");
    ArrayNode clusterList = config.putArray("clusters");
    ArrayNode contexts = config.putArray("contexts");
    String ca = b64(Pem.encode(pki.ca().certificate()));
    for (LogicalCluster cluster : clusters.all().stream().sorted(Comparator.comparing(LogicalCluster::name)).toList()) {
      String name = cluster.name().isEmpty() ? "gatehouse" : cluster.name();
      ObjectNode c = clusterList.addObject();
      c.put("name", name);
      c.putObject("cluster").put("server", url + cluster.urlPrefix()).put("certificate-authority-data", ca);
      ObjectNode ctx = contexts.addObject();
      ctx.put("name", name);
      ctx.putObject("context").put("cluster", name).put("user", ServerPki.ADMIN_USER);
    }
    config.put("current-context", "gatehouse");
    ObjectNode user = config.putArray("users").addObject();
    user.put("name", ServerPki.ADMIN_USER);
    user.putObject("user")
        .put("client-certificate-data", b64(pki.admin().certificatePem()))
        .put("client-key-data", b64(pki.admin().keyPem()));
    config.putObject("preferences");
    Path file = dataDir.resolve("admin.kubeconfig");
    ServerPki.writePrivate(file, Json.YAML.writeValueAsString(config));
    return file;
  }

  /** {@link #writeAdmin} for callbacks that cannot throw; a failure is reported, never fatal. */
  static void rewriteAdmin(Path dataDir, ServerPki pki, String url, Clusters clusters) {
    try {
      writeAdmin(dataDir, pki, url, clusters);
    } catch (IOException | RuntimeException e) {
      System.err.println("gatehouse: cannot rewrite " + dataDir.resolve("admin.kubeconfig") + ": " + e.getMessage());
    }
  }

  private static String b64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
