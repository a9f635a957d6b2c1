package dev.gatehouse.kube.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON merge patch cases from merge-patch-cases.yaml. */
class MergePatchTest {
  static Stream<Arguments> cases() {
    return CaseFiles.cases(CaseFiles.load("merge-patch-cases.yaml"),
        Set.of("description", "document", "patch", "strict", "expected", "error"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void applies(String description, JsonNode c) {
    JsonNode document = c.get("document");
    JsonNode patch = c.get("patch");
    JsonNode documentBefore = document.deepCopy();
    JsonNode patchBefore = patch.deepCopy();
    boolean strict = c.path("strict").asBoolean(false);
    Runnable check = strict ? () -> MergePatch.checkStrictDecoding(patch) : () -> { };
    if (c.has("error")) {
      PatchException e = catchThrowableOfType(PatchException.class, () -> {
        check.run();
        MergePatch.apply(document, patch);
      });
      assertThat(e).as("expected a PatchException").isNotNull();
      CaseFiles.assertError(e, c.get("error"));
    } else {
      check.run();
      CaseFiles.assertJsonEquals(MergePatch.apply(document, patch), c.get("expected"));
    }
    assertThat(document).as("document is not modified").isEqualTo(documentBefore);
    assertThat(patch).as("patch is not modified").isEqualTo(patchBefore);
  }
}
