package dev.gatehouse.aws.eks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of one JSON object of a request body. A member of the wrong JSON type is a
 * {@code BadRequestException} naming the member by its dotted path ({@code accessConfig.authenticationMode}),
 * never a server error; JSON {@code null} counts as absent, as the AWS SDKs treat it.
 */
public final class EksFields {
  private final ObjectNode node;
  private final String path;

  EksFields(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static EksFields empty() {
    return new EksFields(EksJson.object(), "");
  }

  /** The member names present, in request order. */
  public Iterator<String> memberNames() {
    return node.fieldNames();
  }

  public boolean has(String member) {
    JsonNode v = node.get(member);
    return v != null && !v.isNull();
  }

  public Optional<String> string(String member) {
    return value(member).map(v -> {
      if (!v.isTextual()) {
        throw wrongType(member, "a string");
      }
      return v.textValue();
    });
  }

  /** A required string member; absent is InvalidParameterException, as EKS reports missing input. */
  public String requiredString(String member) {
    return string(member).orElseThrow(() -> EksRequest.missing(name(member)));
  }

  public Optional<Boolean> bool(String member) {
    return value(member).map(v -> {
      if (!v.isBoolean()) {
        throw wrongType(member, "a boolean");
      }
      return v.booleanValue();
    });
  }

  public Optional<EksFields> object(String member) {
    return value(member).map(v -> {
      if (!v.isObject()) {
        throw wrongType(member, "an object");
      }
      return new EksFields((ObjectNode) v, name(member));
    });
  }

  public EksFields requiredObject(String member) {
    return object(member).orElseThrow(() -> EksRequest.missing(name(member)));
  }

  public Optional<List<String>> strings(String member) {
    return value(member).map(v -> {
      if (!v.isArray()) {
        throw wrongType(member, "a list of strings");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode item : v) {
        if (!item.isTextual()) {
          throw wrongType(member, "a list of strings");
        }
        out.add(item.textValue());
      }
      return out;
    });
  }

  /** A string-to-string map (tags), in the request's order. */
  public Optional<Map<String, String>> stringMap(String member) {
    return value(member).map(v -> {
      if (!v.isObject()) {
        throw wrongType(member, "a map of strings");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw wrongType(member, "a map of strings");
        }
        out.put(e.getKey(), e.getValue().textValue());
      }
      return out;
    });
  }

  /** The object as plain Java values (maps, lists, strings, numbers, booleans) for echoing it back; nulls dropped. */
  public Map<String, Object> asMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNull()) {
        out.put(e.getKey(), EksJson.MAPPER.convertValue(e.getValue(), Object.class));
      }
    }
    return out;
  }

  private Optional<JsonNode> value(String member) {
    JsonNode v = node.get(member);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  private String name(String member) {
    return path.isEmpty() ? member : path + "." + member;
  }

  private EksException wrongType(String member, String expected) {
    return EksError.of("BadRequestException", "Member '" + name(member) + "' must be " + expected + ".").exception();
  }
}
