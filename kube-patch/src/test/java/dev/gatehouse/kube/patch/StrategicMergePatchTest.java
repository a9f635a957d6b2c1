package dev.gatehouse.kube.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strategic merge patch cases: upstream's apply-side cases ported onto its test type (smp-upstream-cases.yaml, with
 * merge-item-definitions.json) and cases against the real kube-apiserver 1.32.4 schemas (smp-kube-cases.yaml).
 */
class StrategicMergePatchTest {
  private static final Set<String> KEYS =
      Set.of("description", "schema", "original", "patch", "expected", "error");
  private static final SwaggerPatchSchema.Definitions MERGE_ITEM =
      SwaggerPatchSchema.definitions(CaseFiles.loadJson("merge-item-definitions.json"));

  static Stream<Arguments> upstreamCases() {
    return CaseFiles.cases(CaseFiles.load("smp-upstream-cases.yaml"), KEYS);
  }

  static Stream<Arguments> kubeCases() {
    return CaseFiles.cases(CaseFiles.load("smp-kube-cases.yaml"), KEYS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamCases")
  void upstreamCase(String description, JsonNode c) {
    run(c, MERGE_ITEM.forDefinition(c.path("schema").asText("mergeItem")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubeCases")
  void kubeCase(String description, JsonNode c) {
    PatchSchema schema = c.path("schema").asText().equals("opaque")
        ? PatchSchema.opaque()
        : SwaggerPatchSchema.forDefinition(c.path("schema").asText());
    run(c, schema);
  }

  private static void run(JsonNode c, PatchSchema schema) {
    JsonNode original = c.get("original");
    JsonNode patch = c.get("patch");
    JsonNode originalBefore = original == null ? null : original.deepCopy();
    JsonNode patchBefore = patch.deepCopy();
    if (c.has("error")) {
      PatchException e = catchThrowableOfType(
          PatchException.class, () -> StrategicMergePatch.apply(original, patch, schema));
      assertThat(e).as("expected a PatchException").isNotNull();
      CaseFiles.assertError(e, c.get("error"));
    } else {
      JsonNode result = StrategicMergePatch.apply(original, patch, schema);
      CaseFiles.assertJsonEquals(result, c.get("expected"));
      assertThat(CaseFiles.directiveKeys(result)).as("directive keys left in the result").isEmpty();
    }
    assertThat(original).as("original is not modified").isEqualTo(originalBefore);
    assertThat(patch).as("patch is not modified").isEqualTo(patchBefore);
  }
}
