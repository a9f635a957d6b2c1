package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.pki.ServerPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse kubeconfig}: what {@code aws eks update-kubeconfig} writes, plus what it cannot know: the
 * exec entry sets {@code AWS_ENDPOINT_URL_STS} (and the CA bundle when the AWS endpoint is HTTPS), so
 * {@code aws eks get-token} presigns against this Gatehouse with no exports. Reads the addresses the running
 * (or last run) {@code serve} wrote into its data directory.
 */
@Command(name = "kubeconfig", mixinStandardHelpOptions = true,
    description = "Write a kubeconfig entry that authenticates to a cluster with `aws eks get-token` as an AWS profile.")
public final class KubeconfigCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = ".gatehouse", description = "Data directory of the server"
      + " (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "The (EKS) cluster's name.")
  String cluster;

  @Option(names = "--aws-profile", required = true, paramLabel = "PROFILE", description = "AWS profile whose"
      + " credentials sign the token (for a role: a profile with role_arn and source_profile).")
  String profile;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "File to write or merge into (default: the"
      + " first path of $KUBECONFIG, else ~/.kube/config).")
  Path kubeconfig;

  @Override
  public Integer call() throws IOException {
    Path endpointsFile = dataDir.resolve(Endpoints.FILE);
    if (!Files.exists(endpointsFile)) {
      System.err.println("gatehouse: no " + endpointsFile + " (has `gatehouse serve --data-dir " + dataDir
          + "` run yet?)");
      return 1;
    }
    Endpoints endpoints = Endpoints.read(endpointsFile);
    Path target = kubeconfig != null ? kubeconfig : defaultKubeconfig();
    ObjectNode config = Files.exists(target) ? (ObjectNode) Json.YAML.readTree(Files.readString(target))
        : JsonNodeFactory.instance.objectNode();
    config.put("apiVersion", "v1");
    config.put("kind", "Config");
    String name = cluster;
    String userName = cluster + "-" + profile;
    ObjectNode clusterEntry = JsonNodeFactory.instance.objectNode().put("name", name);
    clusterEntry.putObject("cluster").put("server", endpoints.kubernetes() + "/clusters/" + cluster)
        .put("certificate-authority-data", Base64.getEncoder().encodeToString(
            Files.readString(dataDir.resolve("pki").resolve("ca.crt")).getBytes(StandardCharsets.UTF_8)));
    upsert(config, "clusters", clusterEntry);
    ObjectNode context = JsonNodeFactory.instance.objectNode().put("name", name);
    context.putObject("context").put("cluster", name).put("user", userName);
    upsert(config, "contexts", context);
    upsert(config, "users", user(userName, endpoints));
    config.put("current-context", name);
    if (!config.has("preferences")) {
      config.putObject("preferences");
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    ServerPki.writePrivate(target, Json.YAML.writeValueAsString(config));
    System.out.println("Added new context " + name + " to " + target.toAbsolutePath());
    return 0;
  }

  private ObjectNode user(String userName, Endpoints endpoints) {
    ObjectNode user = JsonNodeFactory.instance.objectNode().put("name", userName);
    ObjectNode exec = user.putObject("user").putObject("exec");
    exec.put("apiVersion", "client.authentication.k8s.io/v1beta1");
    exec.put("command", "aws");
    ArrayNode args = exec.putArray("args");
    for (String arg : new String[] {"--region", endpoints.region(), "eks", "get-token", "--cluster-name", cluster,
        "--output", "json"}) {
      args.add(arg);
    }
    ArrayNode env = exec.putArray("env");
    env.addObject().put("name", "AWS_PROFILE").put("value", profile);
    env.addObject().put("name", "AWS_ENDPOINT_URL_STS").put("value", endpoints.aws());
    if (endpoints.awsCaBundle() != null) {
      env.addObject().put("name", "AWS_CA_BUNDLE").put("value", endpoints.awsCaBundle());
    }
    return user;
  }

  /** Replaces the entry of the same name in the list (keeping its position), or appends it. */
  private static void upsert(ObjectNode config, String list, ObjectNode entry) {
    JsonNode existing = config.get(list);
    ArrayNode items = existing instanceof ArrayNode a ? a : config.putArray(list);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path("name").asText().equals(entry.get("name").asText())) {
        items.set(i, entry);
        return;
      }
    }
    items.add(entry);
  }

  private static Path defaultKubeconfig() {
    String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      return Path.of(env.split(java.io.File.pathSeparator)[0]);
    }
    return Path.of(System.getProperty("user.home"), ".kube", "config");
  }
}
