package dev.gatehouse.kube.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON patch cases from json-patch-cases.yaml. */
class JsonPatchTest {
  private static final JsonNode FILE = CaseFiles.load("json-patch-cases.yaml");

  static Stream<Arguments> cases() {
    return CaseFiles.cases(FILE, Set.of("description", "document", "patch", "maxCopyBytes", "expected", "error"));
  }

  static Stream<Arguments> strictCases() {
    List<Arguments> out = new ArrayList<>();
    FILE.path("strictCases").forEach(c -> out.add(Arguments.of(c.path("description").asText(), c)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void applies(String description, JsonNode c) {
    JsonNode document = c.get("document");
    JsonNode patch = c.get("patch");
    JsonNode documentBefore = document.deepCopy();
    long maxCopyBytes = c.path("maxCopyBytes").asLong(JsonPatch.DEFAULT_MAX_COPY_BYTES);
    if (c.has("error")) {
      PatchException e =
          catchThrowableOfType(PatchException.class, () -> JsonPatch.apply(document, patch, maxCopyBytes));
      assertThat(e).as("expected a PatchException").isNotNull();
      CaseFiles.assertError(e, c.get("error"));
    } else {
      CaseFiles.assertJsonEquals(JsonPatch.apply(document, patch, maxCopyBytes), c.get("expected"));
    }
    assertThat(document).as("document is not modified").isEqualTo(documentBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strictCases")
  void strictDecoding(String description, JsonNode c) {
    if (c.has("error")) {
      PatchException e = catchThrowableOfType(
          PatchException.class, () -> JsonPatch.strictDecodingProblems(c.get("patch")));
      assertThat(e).as("expected a PatchException").isNotNull();
      CaseFiles.assertError(e, c.get("error"));
    } else {
      List<String> expected = new ArrayList<>();
      c.path("problems").forEach(p -> expected.add(p.asText()));
      assertThat(JsonPatch.strictDecodingProblems(c.get("patch"))).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void refusesMoreOperationsThanTheHandlerAllows() {
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
      patch.addObject().put("op", "test").put("path", "/a").put("value", 1);
    }
    JsonNode document = JsonNodeFactory.instance.objectNode().put("a", 1);
    PatchException e = catchThrowableOfType(PatchException.class, () -> JsonPatch.apply(document, patch));
    assertThat(e.status()).isEqualTo(PatchException.Status.REQUEST_ENTITY_TOO_LARGE);
    assertThat(e.statusMessage())
        .isEqualTo("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001");
    patch.remove(0);
    assertThat(JsonPatch.apply(document, patch)).isEqualTo(document);
  }
}
