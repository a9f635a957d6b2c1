package dev.gatehouse.kube.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Loads the table-driven cases of this module. A case file is YAML: an optional header and a {@code cases} list whose
 * entries hold a {@code description}, inputs, and either {@code expected} or {@code error: {status, message}}.
 * Unknown keys are rejected so a typo cannot silently disable a check.
 */
final class CaseFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private CaseFiles() {}

  static JsonNode load(String resource) {
    try (InputStream in = CaseFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode loadJson(String resource) {
    try (InputStream in = CaseFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cases of a file as (description, case) arguments, after checking each case has only allowed keys. */
  static Stream<Arguments> cases(JsonNode file, Set<String> allowedKeys) {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : file.path("cases")) {
      List<String> unknown = new ArrayList<>();
      c.fieldNames().forEachRemaining(k -> {
        if (!allowedKeys.contains(k)) {
          unknown.add(k);
        }
      });
      if (!unknown.isEmpty()) {
        throw new IllegalStateException("case \"" + c.path("description").asText() + "\" has unknown keys " + unknown);
      }
      boolean hasExpected = c.has("expected");
      boolean hasError = c.has("error");
      if (hasExpected == hasError) {
        throw new IllegalStateException(
            "case \"" + c.path("description").asText() + "\" needs exactly one of expected and error");
      }
      out.add(Arguments.of(c.path("description").asText(), c));
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no cases");
    }
    return out.stream();
  }

  /** Asserts structural equality (member order ignored, list order and number kinds significant). */
  static void assertJsonEquals(JsonNode actual, JsonNode expected) {
    if (!JsonPatch.jsonEquals(actual, expected)) {
      assertThat(canonical(actual)).isEqualTo(canonical(expected));
      assertThat(JsonPatch.jsonEquals(actual, expected)).as("json equality").isTrue();
    }
  }

  /** Asserts the error of a case: {@code error: {status: INTERNAL, message: "..."}}. */
  static void assertError(PatchException e, JsonNode expected) {
    assertThat(e.getMessage()).isEqualTo(expected.path("message").asText());
    assertThat(e.status().name()).isEqualTo(expected.path("status").asText());
    if (expected.has("statusMessage")) {
      assertThat(e.statusMessage()).isEqualTo(expected.get("statusMessage").asText());
    }
  }

  static String canonical(JsonNode node) {
    try {
      return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Paths of object members whose name is a strategic merge directive. */
  static List<String> directiveKeys(JsonNode node) {
    List<String> found = new ArrayList<>();
    collectDirectives(node, "", found);
    return found;
  }

  private static void collectDirectives(JsonNode node, String path, List<String> found) {
    if (node instanceof ObjectNode object) {
      Map<String, JsonNode> members = new TreeMap<>();
      object.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
      members.forEach((k, v) -> {
        if (k.equals("$patch") || k.equals("$retainKeys") || k.startsWith("$setElementOrder")
            || k.startsWith("$deleteFromPrimitiveList")) {
          found.add(path + "." + k);
        }
        collectDirectives(v, path + "." + k, found);
      });
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDirectives(node.get(i), path + "[" + i + "]", found);
      }
    }
  }
}
