package dev.gatehouse.kube.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: definition-index.yaml. */
class DefinitionIndexTest {
  record Row(String group, String version, String kind, String definition) {}

  static Stream<Arguments> rows() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode node : TestData.tree("/dev/gatehouse/kube/openapi/definition-index.yaml")) {
      Row row = TestData.read(node, Row.class);
      out.add(Arguments.of(Named.of(row.group() + "/" + row.version() + " " + row.kind(), row)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("rows")
  void gvkToDefinitionAndBack(Row row) {
    GroupVersionKind gvk = new GroupVersionKind(row.group(), row.version(), row.kind());
    DefinitionIndex index = DefinitionIndex.bundled();
    assertThat(index.definitionFor(gvk)).isEqualTo(Optional.ofNullable(row.definition()));
    if (row.definition() != null) {
      assertThat(index.groupVersionKindsOf(row.definition())).contains(gvk);
    }
  }

  @Test
  void everyIndexedGvkMapsBackToItsDefinition() {
    DefinitionIndex index = DefinitionIndex.bundled();
    Swagger.definitions().fieldNames().forEachRemaining(name -> {
      for (GroupVersionKind gvk : index.groupVersionKindsOf(name)) {
        assertThat(index.definitionFor(gvk)).contains(name);
      }
    });
    assertThat(index.size()).isGreaterThan(250);
  }

  @Test
  void aGvkClaimedTwiceIsRejected() throws Exception {
    JsonNode definitions = TestData.JSON.readTree(
        "{\"a.v1.X\":{\"x-kubernetes-group-version-kind\":[{\"group\":\"g\",\"version\":\"v1\",\"kind\":\"X\"}]},"
        + "\"b.v1.X\":{\"x-kubernetes-group-version-kind\":[{\"group\":\"g\",\"version\":\"v1\",\"kind\":\"X\"}]}}");
    assertThatThrownBy(() -> DefinitionIndex.fromDefinitions(definitions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("g/v1, Kind=X");
  }

  @Test
  void apiVersionSplitsIntoGroupAndVersion() {
    assertThat(GroupVersionKind.of("apps/v1", "Deployment")).isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
    assertThat(GroupVersionKind.of("v1", "Pod").apiVersion()).isEqualTo("v1");
  }
}
