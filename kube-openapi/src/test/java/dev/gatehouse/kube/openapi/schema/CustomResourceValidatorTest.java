package dev.gatehouse.kube.openapi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.meta.validation.FieldErrors;
import dev.gatehouse.kube.openapi.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: schema/validation-cases.yaml. */
class CustomResourceValidatorTest {
  private static final JsonNode TABLE = TestData.tree("/dev/gatehouse/kube/openapi/schema/validation-cases.yaml");

  record Case(String name, String schemaName, JsonNode schema, String mode, JsonNode old, JsonNode object,
      List<String> errors) {}

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : TABLE.get("cases")) {
      Case c = TestData.read(row, Case.class);
      out.add(Arguments.of(Named.of(c.name(), c)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void validates(Case c) {
    JsonNode schema = c.schemaName() != null ? TABLE.get("schemas").get(c.schemaName()) : c.schema();
    CustomResourceValidator validator = CustomResourceValidator.forSchema(schema);
    String mode = c.mode() == null ? "create" : c.mode();
    List<FieldError> errors = switch (mode) {
      case "create" -> validator.validate(c.object());
      case "update" -> validator.validateUpdate(c.object(), c.old());
      case "status" -> validator.validateStatusUpdate(c.object(), c.old());
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
    assertThat(errors).extracting(FieldError::message).containsExactlyElementsOf(c.errors());
    if ("create".equals(mode)) {
      assertThat(validator.validateUpdate(c.object(), TestData.JSON.createObjectNode()))
          .as("an update from an unrelated object is not ratcheted")
          .extracting(FieldError::message).containsExactlyElementsOf(c.errors());
    }
  }

  @Test
  void errorsBuildTheInvalidStatusMessage() {
    JsonNode schema = TABLE.get("schemas").get("widget");
    JsonNode object = TestData.JSON.createObjectNode().set("spec",
        TestData.JSON.createObjectNode().put("name", "abc").put("size", "string").put("color", "pink"));
    List<FieldError> errors = CustomResourceValidator.forSchema(schema).validate(object);
    assertThat(FieldErrors.invalidStatusMessage("Widget.example.com", "w1", errors)).isEqualTo(
        "Widget.example.com \"w1\" is invalid: [spec.size: Invalid value: \"string\": spec.size in body must be of "
            + "type integer: \"string\", spec.color: Unsupported value: \"pink\": supported values: \"red\", \"blue\"]");
  }

  @Test
  void listsCelRulesThatAreNotEvaluated() {
    JsonNode schema = TestData.tree("/dev/gatehouse/kube/openapi/schema/validation-cases.yaml").get("schemas")
        .get("widget").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) schema.get("properties").get("spec"))
        .putArray("x-kubernetes-validations").addObject().put("rule", "self.size > 1");
    CustomResourceValidator validator = CustomResourceValidator.forSchema(schema);
    assertThat(validator.unevaluatedRules()).containsExactly("openAPIV3Schema.properties[spec]");
    assertThat(CustomResourceValidator.forSchema(TABLE.get("schemas").get("lists")).unevaluatedRules()).isEmpty();
  }

  @Test
  void withoutSchemaNothingIsValidated() {
    assertThat(CustomResourceValidator.forSchema(null).validate(TestData.JSON.createObjectNode().put("x", 1)))
        .isEmpty();
  }
}
