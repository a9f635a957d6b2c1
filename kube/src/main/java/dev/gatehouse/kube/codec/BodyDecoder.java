package dev.gatehouse.kube.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.proto.GroupVersionKind;
import dev.gatehouse.kube.proto.ProtobufDecodeException;
import dev.gatehouse.kube.proto.ProtobufDecoder;
import java.util.List;

/**
 * Decodes a request body to a JSON object by its Content-Type: JSON, YAML or Kubernetes protobuf (the
 * {@code k8s\0} envelope kubectl sends for built-in kinds). Malformed bodies are 400 with the parser's message.
 */
public final class BodyDecoder {
  public static final String JSON = "application/json";
  public static final String YAML = "application/yaml";
  public static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  public static final List<String> SUPPORTED = List.of(JSON, YAML, PROTOBUF);

  private static final ProtobufDecoder PROTOBUF_DECODER = new ProtobufDecoder();

  private BodyDecoder() {}

  /** Decodes without a target kind (bodies such as DeleteOptions, where protobuf is not expected). */
  public static ObjectNode decodeObject(String contentType, byte[] body) {
    return decodeObject(contentType, body, null);
  }

  /**
   * @param target the kind the endpoint expects; fills a missing kind/version of a protobuf body and names the
   *     target in error messages, as kube-apiserver's decoder does
   */
  public static ObjectNode decodeObject(String contentType, byte[] body, GroupVersionKind target) {
    return switch (contentType) {
      case JSON, "" -> asObject(parseJsonBody(body, target));
      case YAML, "application/yml", "text/yaml" -> asObject(parseYaml(body));
      case PROTOBUF -> decodeProtobuf(body, target);
      default -> throw Errors.unsupportedMediaType(contentType, SUPPORTED);
    };
  }

  private static JsonNode parseJsonBody(byte[] body, GroupVersionKind target) {
    if (target == null) {
      return parseJson(body);
    }
    try {
      if (body.length == 0) {
        throw new com.fasterxml.jackson.core.io.JsonEOFException(null, null, "Unexpected end-of-input");
      }
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw Errors.badRequest(DecodeErrors.unparseable(target.kind(), body, e));
    } catch (java.io.IOException e) {
      throw Errors.badRequest("unreadable request body");
    }
  }

  public static JsonNode parseJson(byte[] body) {
    if (body.length == 0) {
      throw Errors.badRequest("the request body is empty");
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw Errors.badRequest("json: " + e.getOriginalMessage() + location(e));
    } catch (java.io.IOException e) {
      throw Errors.badRequest("unreadable request body");
    }
  }

  public static JsonNode parseYaml(byte[] body) {
    try {
      JsonNode node = Json.YAML.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw Errors.badRequest("the request body is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw Errors.badRequest("yaml: " + e.getOriginalMessage() + location(e));
    } catch (java.io.IOException e) {
      throw Errors.badRequest("unreadable request body");
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static ObjectNode decodeProtobuf(byte[] body, GroupVersionKind target) {
    try {
      return (target == null ? PROTOBUF_DECODER.decode(body) : PROTOBUF_DECODER.decode(body, target)).object();
    } catch (ProtobufDecodeException e) {
      throw Errors.badRequest(target == null ? e.getMessage() : e.badRequestMessage(target.kind(), body));
    }
  }

  private static ObjectNode asObject(JsonNode node) {
    if (node instanceof ObjectNode o) {
      return o;
    }
    throw Errors.badRequest("Object 'Kind' is missing in '" + truncate(node.toString()) + "'");
  }

  private static String truncate(String s) {
    return s.length() > 256 ? s.substring(0, 256) + "..." : s;
  }
}
