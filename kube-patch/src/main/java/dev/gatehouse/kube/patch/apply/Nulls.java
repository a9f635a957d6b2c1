package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drops null object members, recursively. Upstream converts the merged value back to the Go type, where a null
 * becomes the zero value and disappears from the JSON; this does the same for JSON-only storage.
 */
final class Nulls {
  private Nulls() {}

  static void drop(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (e.getValue().isNull()) {
          nulls.add(e.getKey());
        } else {
          drop(e.getValue());
        }
      }
      object.remove(nulls);
    } else if (node != null && node.isArray()) {
      node.forEach(Nulls::drop);
    }
  }
}
