package dev.gatehouse.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.aws.sigv4.Headers;
import dev.gatehouse.aws.sigv4.HttpRequestView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table in {@code protocol/query-parse-cases.yaml}. */
class QueryRequestTest {
  private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

  static Stream<Arguments> cases() {
    return Fixtures.yamlList("protocol/query-parse-cases.yaml").stream()
        .map(c -> Arguments.of(c.get("name").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String name, JsonNode c) {
    QueryLimits limits = c.has("limits")
        ? new QueryLimits(c.get("limits").get("maxBodyBytes").asInt(), c.get("limits").get("maxParameters").asInt())
        : QueryLimits.DEFAULT;

    QueryParse parse = QueryRequest.parse(request(c), limits);

    if (c.has("error")) {
      JsonNode e = c.get("error");
      assertThat(parse).isEqualTo(new QueryParse.Malformed(
          new AwsError(e.get("code").asText(), e.get("message").asText(), e.get("status").asInt(), true)));
      return;
    }
    assertThat(parse).isInstanceOf(QueryParse.Parsed.class);
    QueryRequest request = ((QueryParse.Parsed) parse).request();
    JsonNode expect = c.get("expect");
    assertThat(request.action()).isEqualTo(expect.get("action").asText());
    if (expect.has("version")) {
      assertThat(request.version()).contains(expect.get("version").asText());
    }
    if (expect.path("versionAbsent").asBoolean(false)) {
      assertThat(request.version()).isEmpty();
    }
    expect.path("absent").forEach(n -> assertThat(request.has(n.asText())).as("has %s", n).isFalse());
    expect.path("emptyList").forEach(n -> assertThat(request.isEmptyList(n.asText())).as("empty %s", n).isTrue());
    expect.path("notEmptyList").forEach(n -> assertThat(request.isEmptyList(n.asText())).as("empty %s", n).isFalse());
    assertStruct(request.root(), expect);
  }

  /** Checks {@code get}, {@code members} and {@code structs} expectations against a structure, recursively. */
  private static void assertStruct(QueryStruct struct, JsonNode expect) {
    fields(expect.path("get")).forEachRemaining(f ->
        assertThat(struct.get(f.getKey())).as("%s%s", struct.prefix(), f.getKey()).contains(f.getValue().asText()));
    fields(expect.path("members")).forEachRemaining(f ->
        assertThat(struct.members(f.getKey())).as("%s%s", struct.prefix(), f.getKey()).isEqualTo(texts(f.getValue())));
    fields(expect.path("structs")).forEachRemaining(f -> {
      List<QueryStruct> actual = struct.structs(f.getKey());
      assertThat(actual).as("%s%s", struct.prefix(), f.getKey()).hasSize(f.getValue().size());
      for (int i = 0; i < actual.size(); i++) {
        assertElement(actual.get(i), f.getValue().get(i));
      }
    });
  }

  /** One expected structure: scalars are values, lists of scalars members, lists of objects nested structures. */
  private static void assertElement(QueryStruct struct, JsonNode expected) {
    fields(expected).forEachRemaining(f -> {
      JsonNode value = f.getValue();
      if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
        List<QueryStruct> nested = struct.structs(f.getKey());
        assertThat(nested).hasSize(value.size());
        for (int i = 0; i < nested.size(); i++) {
          assertElement(nested.get(i), value.get(i));
        }
      } else if (value.isArray()) {
        assertThat(struct.members(f.getKey())).as("%s%s", struct.prefix(), f.getKey()).isEqualTo(texts(value));
      } else {
        assertThat(struct.get(f.getKey())).as("%s%s", struct.prefix(), f.getKey()).contains(value.asText());
      }
    });
  }

  private static HttpRequestView request(JsonNode c) {
    String method = c.has("method") ? c.get("method").asText() : "POST";
    Headers.Builder headers = Headers.builder().add("Host", "iam.amazonaws.com");
    String contentType = c.has("contentType") ? Fixtures.textOrNull(c, "contentType") : FORM;
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    byte[] body;
    if (c.has("bodyParts")) {
      body = String.join("&", texts(c.get("bodyParts"))).getBytes(StandardCharsets.UTF_8);
    } else if (c.has("bodyBase64")) {
      body = Base64.getDecoder().decode(c.get("bodyBase64").asText());
    } else if (c.has("largeBody")) {
      body = new byte[c.get("largeBody").asInt()];
      Arrays.fill(body, (byte) 'a');
      System.arraycopy("Action=X&".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 9);
    } else {
      body = c.has("body") ? c.get("body").asText().getBytes(StandardCharsets.UTF_8) : new byte[0];
    }
    return new HttpRequestView(method, "/", Fixtures.textOrNull(c, "rawQuery"), headers.build(), body);
  }

  private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.fields();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
