package dev.gatehouse.aws.eks.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** JSON for EKS bodies: compact, timestamps as epoch-second numbers (with millisecond fractions when present). */
public final class EksJson {
  public static final String CONTENT_TYPE = "application/json";
  static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private EksJson() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode out = NODES.arrayNode();
    values.forEach(out::add);
    return out;
  }

  public static ObjectNode stringMap(Map<String, String> values) {
    ObjectNode out = object();
    values.forEach(out::put);
    return out;
  }

  /** {@code 1795328900} or {@code 1795328900.224}, as botocore parses EKS timestamps. */
  public static JsonNode time(Instant instant) {
    if (instant.getNano() == 0) {
      return NODES.numberNode(instant.getEpochSecond());
    }
    long millis = instant.toEpochMilli();
    return NODES.numberNode(BigDecimal.valueOf(millis, 3).stripTrailingZeros());
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("eks: a JSON tree did not serialise", e);
    }
  }
}
