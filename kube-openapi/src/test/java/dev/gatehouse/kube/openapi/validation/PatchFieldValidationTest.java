package dev.gatehouse.kube.openapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: validation/patch-cases.yaml. */
class PatchFieldValidationTest {
  record Case(String name, String definition, String patch, String patched, List<String> errors, String message) {}

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : TestData.tree("/dev/gatehouse/kube/openapi/validation/patch-cases.yaml")) {
      Case c = TestData.read(row, Case.class);
      out.add(Arguments.of(Named.of(c.name(), c)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void strategicMergePatch(Case c) throws Exception {
    ValidationResult patched = FieldValidator.forDefinition(c.definition())
        .validate(c.patched().getBytes(StandardCharsets.UTF_8));
    List<String> duplicates = PatchFieldValidation.patchDuplicates(c.patch().getBytes(StandardCharsets.UTF_8));
    List<String> errors = PatchFieldValidation.strategicMergePatchErrors(duplicates, patched);
    assertThat(errors).containsExactlyElementsOf(c.errors());
    assertThat(PatchFieldValidation.invalidStrategicMergePatchMessage(TestData.JSON.readTree(c.patch()), errors))
        .isEqualTo(c.message());
  }

  @Test
  void mergePatchQuotesThePatchedJson() {
    assertThat(PatchFieldValidation.invalidMergePatchMessage("{\"spec\":{\"foo\":1}}", List.of("unknown field \"spec.foo\"")))
        .isEqualTo(" \"\" is invalid: patch: Invalid value: \"{\\\"spec\\\":{\\\"foo\\\":1}}\": strict decoding error: "
            + "unknown field \"spec.foo\"");
  }
}
