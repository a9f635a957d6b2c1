package dev.gatehouse.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered XML read back by botocore's own Query parser ({@code protocol/botocore_parse.py}), the parser the
 * aws CLI and boto3 use. Skipped when python3 or botocore is not installed.
 */
class BotocoreParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static boolean available;

  @BeforeAll
  static void probe() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import botocore").redirectErrorStream(true).start();
      available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      available = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      available = false;
    }
  }

  static Stream<Arguments> cases() {
    return Fixtures.yamlList("protocol/render-cases.yaml").stream()
        .filter(spec -> spec.has("botocore"))
        .map(spec -> Arguments.of(spec.get("name").asText(), new RenderCase(spec)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void botocoreReadsWhatWeRender(String name, RenderCase c) throws Exception {
    assumeTrue(available, "python3 with botocore is not installed");
    JsonNode botocore = c.spec().get("botocore");
    ObjectNode job = JSON.createObjectNode();
    job.put("service", botocore.get("service").asText());
    job.put("operation", botocore.has("operation") ? botocore.get("operation").asText() : c.operation());
    job.put("status", c.status());
    job.put("body", new String(c.xml(), StandardCharsets.UTF_8));

    JsonNode parsed = run(job);

    assertContains(parsed, botocore.get("expect"), "");
  }

  private static JsonNode run(JsonNode job) throws Exception {
    Process process = new ProcessBuilder("python3", Fixtures.path("protocol/botocore_parse.py").toString()).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(JSON.writeValueAsBytes(job));
    }
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("botocore_parse.py failed: %s", err).isZero();
    return JSON.readTree(out);
  }

  /** Every field of {@code expected} is in {@code actual} with the same value; arrays element by element. */
  private static void assertContains(JsonNode actual, JsonNode expected, String path) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as("%s is an object in %s", path, actual).isTrue();
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(actual.has(field.getKey())).as("%s.%s present in %s", path, field.getKey(), actual).isTrue();
        assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as("%s is an array in %s", path, actual).isTrue();
      assertThat(actual.size()).as("%s size", path).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
      }
    } else if (expected.isNumber() || expected.isBoolean()) {
      assertThat(actual).as(path).isEqualTo(expected);
    } else {
      assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
    }
  }
}
