package dev.gatehouse.kube.openapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: validation/builtin-cases.yaml and validation/crd-cases.yaml. */
class FieldValidatorCasesTest {

  /**
   * One row: {@code definition} for built-in kinds; for custom resources an inline {@code schema} or a
   * {@code schemaName} from the table's {@code schemas}.
   */
  record Case(String name, String definition, JsonNode schema, String schemaName, String json, List<String> strictErrors,
      List<String> typeErrors, String strictMessage, String typeMessage) {
    Case {
      typeErrors = typeErrors == null ? List.of() : typeErrors;
    }
  }

  static Stream<Arguments> builtinCases() {
    return cases(TestData.tree("/dev/gatehouse/kube/openapi/validation/builtin-cases.yaml"));
  }

  private static final JsonNode CRD_TABLE = TestData.tree("/dev/gatehouse/kube/openapi/validation/crd-cases.yaml");

  static Stream<Arguments> crdCases() {
    return cases(CRD_TABLE.get("cases"));
  }

  private static Stream<Arguments> cases(JsonNode table) {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : table) {
      Case c = TestData.read(row, Case.class);
      out.add(Arguments.of(Named.of(c.name(), c)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("builtinCases")
  void builtInKinds(Case c) {
    check(c, FieldValidator.forDefinition(c.definition()));
  }

  @ParameterizedTest
  @MethodSource("crdCases")
  void customResources(Case c) {
    JsonNode schema = c.schemaName() != null ? CRD_TABLE.get("schemas").get(c.schemaName()) : c.schema();
    check(c, FieldValidator.forSchema(schema == null || schema.isNull() ? null : schema));
  }

  private static void check(Case c, FieldValidator validator) {
    ValidationResult result = validator.validate(c.json().getBytes(StandardCharsets.UTF_8));

    assertThat(result.warnings()).as("strict errors in order").containsExactlyElementsOf(c.strictErrors());
    assertThat(result.typeErrors()).as("type errors").containsExactlyElementsOf(c.typeErrors());

    JsonNode body = parseLeniently(c.json());
    String kind = body.path("kind").asText("Unknown");
    String apiVersion = body.path("apiVersion").asText("v1");
    if (c.strictMessage() != null) {
      assertThat(result.strictErrorMessage(kind, apiVersion)).contains(c.strictMessage());
      assertThat(result.outcome(FieldValidationDirective.STRICT, kind, apiVersion))
          .isEqualTo(new FieldValidationOutcome.Rejected(c.strictMessage()));
    }
    if (c.typeMessage() != null) {
      assertThat(result.typeErrorMessage(kind, apiVersion)).contains(c.typeMessage());
      for (FieldValidationDirective directive : FieldValidationDirective.values()) {
        assertThat(result.outcome(directive, kind, apiVersion))
            .as("type errors fail under %s", directive)
            .isEqualTo(new FieldValidationOutcome.Rejected(c.typeMessage()));
      }
    }
    if (c.typeErrors().isEmpty()) {
      assertThat(result.outcome(FieldValidationDirective.WARN, kind, apiVersion))
          .isEqualTo(new FieldValidationOutcome.Accepted(c.strictErrors()));
      assertThat(result.outcome(FieldValidationDirective.IGNORE, kind, apiVersion))
          .isEqualTo(new FieldValidationOutcome.Accepted(List.of()));
    }
    // A parsed tree loses duplicate keys but must agree on everything else.
    if (body.isObject() && result.duplicateFields().isEmpty()) {
      ValidationResult fromTree = validator.validate(body);
      assertThat(fromTree.warnings()).containsExactlyElementsOf(c.strictErrors());
      assertThat(fromTree.typeErrors()).containsExactlyElementsOf(c.typeErrors());
    }
  }

  private static JsonNode parseLeniently(String json) {
    try {
      return TestData.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
