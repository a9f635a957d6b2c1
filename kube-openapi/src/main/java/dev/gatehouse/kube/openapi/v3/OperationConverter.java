package dev.gatehouse.kube.openapi.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Converts OpenAPI v2 path items to v3 following kube-openapi's {@code openapiconv} package: the body parameter
 * becomes a {@code requestBody} with one media type per {@code consumes} entry, responses get one media type per
 * {@code produces} entry, other parameters get a {@code schema} built from their simple type. {@code consumes},
 * {@code produces} and {@code schemes} disappear.
 *
 * <p>Unlike {@code openapiconv}, shared parameters ({@code $ref: #/parameters/...}) are inlined: kube-apiserver's own
 * v3 documents carry no {@code components.parameters}, and kubectl's fieldValidation probe only looks for inline
 * {@code {"name":"fieldValidation","in":"query"}} parameters unless the components hold them.
 */
final class OperationConverter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
  private static final Set<String> DROPPED_OPERATION_KEYS = Set.of("consumes", "produces", "schemes", "parameters");
  private static final String PARAMETER_PREFIX = "#/parameters/";

  private final JsonNode sharedParameters;

  OperationConverter(JsonNode sharedParameters) {
    this.sharedParameters = sharedParameters;
  }

  /** Converts one v2 path item; definition names referenced are added to {@code refs}. */
  ObjectNode convertPathItem(JsonNode pathItem, Set<String> refs) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : pathItem.properties()) {
      String key = field.getKey();
      if (METHODS.contains(key)) {
        out.set(key, convertOperation(field.getValue(), refs));
      } else if (key.equals("parameters")) {
        ArrayNode parameters = out.putArray("parameters");
        for (JsonNode parameter : field.getValue()) {
          parameters.add(convertParameter(resolve(parameter), refs));
        }
      } else {
        out.set(key, field.getValue());
      }
    }
    return out;
  }

  private ObjectNode convertOperation(JsonNode operation, Set<String> refs) {
    ObjectNode out = NODES.objectNode();
    ArrayNode parameters = NODES.arrayNode();
    ObjectNode requestBody = null;
    for (JsonNode raw : operation.path("parameters")) {
      JsonNode parameter = resolve(raw);
      if (parameter.path("name").asText().equals("body") && parameter.has("schema")) {
        requestBody = NODES.objectNode();
        JsonNode consumes = operation.get("consumes");
        if (consumes != null) {
          requestBody.set("content", mediaTypes(consumes, SchemaConverter.convert(parameter.get("schema"), refs)));
        }
      } else {
        parameters.add(convertParameter(parameter, refs));
      }
    }
    for (Map.Entry<String, JsonNode> field : operation.properties()) {
      String key = field.getKey();
      if (key.equals("operationId")) {
        // Keep upstream's reading order: description, operationId, parameters, requestBody, responses, ...
        out.set(key, field.getValue());
        if (!parameters.isEmpty()) {
          out.set("parameters", parameters);
        }
        if (requestBody != null) {
          out.set("requestBody", requestBody);
        }
      } else if (key.equals("responses")) {
        out.set(key, convertResponses(field.getValue(), operation.get("produces"), refs));
      } else if (!DROPPED_OPERATION_KEYS.contains(key)) {
        out.set(key, field.getValue());
      }
    }
    if (!operation.has("operationId")) {
      if (!parameters.isEmpty()) {
        out.set("parameters", parameters);
      }
      if (requestBody != null) {
        out.set("requestBody", requestBody);
      }
    }
    return out;
  }

  private ObjectNode convertResponses(JsonNode responses, JsonNode produces, Set<String> refs) {
    ObjectNode out = NODES.objectNode();
    responses.properties().forEach(entry -> {
      JsonNode response = entry.getValue();
      ObjectNode converted = NODES.objectNode();
      if (response.has("schema") && produces != null) {
        converted.set("content", mediaTypes(produces, SchemaConverter.convert(response.get("schema"), refs)));
      }
      response.properties().forEach(f -> {
        if (!f.getKey().equals("schema")) {
          converted.set(f.getKey(), f.getValue());
        }
      });
      out.set(entry.getKey(), converted);
    });
    return out;
  }

  private static ObjectNode mediaTypes(JsonNode contentTypes, JsonNode schema) {
    ObjectNode content = NODES.objectNode();
    for (JsonNode contentType : contentTypes) {
      content.putObject(contentType.asText()).set("schema", schema);
    }
    return content;
  }

  /** openapiconv.ConvertParameter: a simple-typed v2 parameter gets {@code schema: {type, format, uniqueItems}}. */
  private static ObjectNode convertParameter(JsonNode parameter, Set<String> refs) {
    ObjectNode out = NODES.objectNode();
    copyIfPresent(parameter, out, "description");
    copyIfPresent(parameter, out, "in");
    copyIfPresent(parameter, out, "name");
    if (parameter.path("required").asBoolean(false)) {
      out.put("required", true);
    }
    if (parameter.path("allowEmptyValue").asBoolean(false)) {
      out.put("allowEmptyValue", true);
    }
    if (parameter.has("schema")) {
      out.set("schema", SchemaConverter.convert(parameter.get("schema"), refs));
    } else {
      ObjectNode schema = out.putObject("schema");
      copyIfPresent(parameter, schema, "type");
      copyIfPresent(parameter, schema, "format");
      if (parameter.has("items")) {
        schema.set("items", SchemaConverter.convert(parameter.get("items"), refs));
      }
      if (parameter.path("uniqueItems").asBoolean(false)) {
        schema.put("uniqueItems", true);
      }
    }
    parameter.properties().forEach(f -> {
      if (f.getKey().startsWith("x-")) {
        out.set(f.getKey(), f.getValue());
      }
    });
    return out;
  }

  private JsonNode resolve(JsonNode parameter) {
    JsonNode ref = parameter.get("$ref");
    if (ref == null) {
      return parameter;
    }
    String target = ref.asText();
    JsonNode resolved = target.startsWith(PARAMETER_PREFIX)
        ? sharedParameters.get(target.substring(PARAMETER_PREFIX.length()))
        : null;
    if (resolved == null) {
      throw new IllegalArgumentException("openapi: unresolvable parameter reference " + target);
    }
    return resolved;
  }

  private static void copyIfPresent(JsonNode from, ObjectNode to, String key) {
    JsonNode value = from.get(key);
    if (value != null) {
      to.set(key, value);
    }
  }
}
