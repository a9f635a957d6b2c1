package dev.gatehouse.kube.patch.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A manager's identity (upstream BuildManagerIdentifier): the JSON of its managedFields entry without fields and
 * time, and without the API version for appliers, e.g. {@code {"manager":"kubectl","operation":"Apply"}}. Upstream
 * keys its maps by this string and sorts by it.
 */
record ManagerId(String manager, String operation, String apiVersion, String subresource) {
  static final String APPLY = "Apply";
  static final String UPDATE = "Update";
  private static final ObjectMapper JSON = new ObjectMapper();

  static ManagerId of(String manager, String operation, String apiVersion, String subresource) {
    return new ManagerId(manager, operation, operation.equals(APPLY) ? "" : apiVersion, subresource);
  }

  String identifier() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    putIfSet(node, "manager", manager);
    putIfSet(node, "operation", operation);
    putIfSet(node, "apiVersion", apiVersion);
    putIfSet(node, "subresource", subresource);
    return PathElement.compact(node);
  }

  static ManagerId parse(String identifier) {
    try {
      JsonNode node = JSON.readTree(identifier);
      return new ManagerId(node.path("manager").asText(""), node.path("operation").asText(""),
          node.path("apiVersion").asText(""), node.path("subresource").asText(""));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad manager identifier " + identifier, e);
    }
  }

  /** upstream printManager: {@code "name"}, plus {@code with subresource "x"}, plus {@code using v1} for updaters. */
  String describe() {
    String out = SmdValues.goQuote(manager);
    if (!subresource.isEmpty()) {
      out += " with subresource " + SmdValues.goQuote(subresource);
    }
    if (operation.equals(UPDATE)) {
      out += " using " + apiVersion;
    }
    return out;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}
