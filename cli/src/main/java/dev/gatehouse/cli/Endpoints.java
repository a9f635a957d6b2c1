package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a running {@code serve} listens, written into its data directory so other commands ({@code kubeconfig})
 * need no flags repeating it.
 *
 * @param awsCaBundle the CA file clients need for the AWS endpoint, null when it is plain HTTP
 */
record Endpoints(String kubernetes, String aws, String awsCaBundle, String region) {
  static final String FILE = "endpoints.json";

  void write(Path dataDir) throws IOException {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("kubernetes", kubernetes).put("aws", aws).put("awsCaBundle", awsCaBundle).put("region", region);
    Files.writeString(dataDir.resolve(FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
  }

  static Endpoints read(Path file) throws IOException {
    JsonNode node = Json.MAPPER.readTree(Files.readString(file));
    return new Endpoints(node.path("kubernetes").asText(), node.path("aws").asText(),
        node.hasNonNull("awsCaBundle") ? node.get("awsCaBundle").asText() : null, node.path("region").asText());
  }
}
