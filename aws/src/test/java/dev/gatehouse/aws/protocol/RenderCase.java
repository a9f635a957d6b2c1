package dev.gatehouse.aws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One case of {@code protocol/render-cases.yaml} and the response bytes it renders to. */
record RenderCase(JsonNode spec) {
  String name() {
    return spec.get("name").asText();
  }

  String namespace() {
    return switch (spec.get("namespace").asText()) {
      case "IAM" -> Namespaces.IAM;
      case "STS" -> Namespaces.STS;
      case "AWS_FAULT" -> Namespaces.AWS_FAULT;
      default -> throw new IllegalArgumentException("unknown namespace in " + name());
    };
  }

  boolean isError() {
    return spec.has("error");
  }

  AwsError error() {
    JsonNode e = spec.get("error");
    return new AwsError(e.get("code").asText(), e.get("message").asText(), e.get("status").asInt(),
        e.get("sender").asBoolean());
  }

  String operation() {
    return spec.get("operation").asText();
  }

  Node result() {
    JsonNode result = spec.get("result");
    return result == null || result.isNull() ? null : node(result);
  }

  byte[] xml() {
    String requestId = spec.get("requestId").asText();
    return isError()
        ? QueryResponses.errorXml(namespace(), error(), requestId)
        : QueryResponses.xml(namespace(), operation(), result(), requestId);
  }

  byte[] json() {
    String requestId = spec.get("requestId").asText();
    return isError() ? QueryResponses.errorJson(error(), requestId) : QueryResponses.json(operation(), result(), requestId);
  }

  int status() {
    return isError() ? error().httpStatus() : 200;
  }

  /** The YAML encoding of a tree, as described at the top of render-cases.yaml. */
  static Node node(JsonNode value) {
    if (value.isObject() && value.has("$time")) {
      return new Node.Timestamp(Instant.parse(value.get("$time").asText()));
    }
    if (value.isObject() && value.has("$map")) {
      Map<String, Node> entries = new LinkedHashMap<>();
      value.get("$map").fields().forEachRemaining(e -> entries.put(e.getKey(), node(e.getValue())));
      return new Node.MapEntries(entries);
    }
    if (value.isObject() && value.has("$policy")) {
      return new Node.Str(QueryResponses.urlEncodePolicy(value.get("$policy").asText()));
    }
    if (value.isObject()) {
      Map<String, Node> fields = new LinkedHashMap<>();
      value.fields().forEachRemaining(e -> fields.put(e.getKey(), node(e.getValue())));
      return new Node.Struct(fields);
    }
    if (value.isArray()) {
      List<Node> items = new ArrayList<>();
      value.forEach(item -> items.add(node(item)));
      return new Node.MemberList(items);
    }
    if (value.isBoolean()) {
      return new Node.Bool(value.asBoolean());
    }
    if (value.isIntegralNumber()) {
      return new Node.Int(value.asLong());
    }
    return new Node.Str(value.asText());
  }
}
