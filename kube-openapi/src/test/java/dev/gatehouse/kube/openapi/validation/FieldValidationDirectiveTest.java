package dev.gatehouse.kube.openapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.GroupVersionKind;
import dev.gatehouse.kube.openapi.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: validation/directives.yaml, plus lookups by GVK. */
class FieldValidationDirectiveTest {
  record Row(String query, FieldValidationDirective directive, String optionsKind, String message) {}

  static Stream<Arguments> rows() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode node : TestData.tree("/dev/gatehouse/kube/openapi/validation/directives.yaml")) {
      Row row = TestData.read(node, Row.class);
      out.add(Arguments.of(Named.of("fieldValidation=" + row.query(), row)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("rows")
  void parse(Row row) {
    assertThat(FieldValidationDirective.parse(row.query())).isEqualTo(Optional.ofNullable(row.directive()));
    if (row.message() != null) {
      assertThat(FieldValidationDirective.unsupportedValueMessage(row.optionsKind(), row.query()))
          .isEqualTo(row.message());
    }
  }

  @Test
  void validatorsAreFoundByGroupVersionKind() {
    FieldValidator deployments = FieldValidator.forGroupVersionKind(GroupVersionKind.of("apps/v1", "Deployment"))
        .orElseThrow();
    ValidationResult result = deployments.validate(
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"foo\":1}}".getBytes(StandardCharsets.UTF_8));
    assertThat(result.unknownFields()).containsExactly("spec.foo");
    assertThat(FieldValidator.forGroupVersionKind(GroupVersionKind.of("example.com/v1", "Thing"))).isEmpty();
  }
}
