package dev.gatehouse.kube.registry.strategies;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.handlers.Strategy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Secrets default to type Opaque; stringData is write-only and folded into data (base64), as upstream. */
public final class SecretStrategy implements Strategy {
  @Override
  public void prepareForCreate(ObjectNode object) {
    if (!object.hasNonNull("type") || object.path("type").asText().isEmpty()) {
      object.put("type", "Opaque");
    }
    foldStringData(object);
  }

  @Override
  public void prepareForUpdate(ObjectNode updated, ObjectNode old) {
    foldStringData(updated);
  }

  private static void foldStringData(ObjectNode object) {
    if (object.path("stringData").isObject()) {
      ObjectNode data = object.withObject("/data");
      object.path("stringData").fields().forEachRemaining(e -> data.put(e.getKey(),
          Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    }
    object.remove("stringData");
  }
}
