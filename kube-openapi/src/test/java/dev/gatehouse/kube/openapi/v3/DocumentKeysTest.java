package dev.gatehouse.kube.openapi.v3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: v3/document-keys.yaml. */
class DocumentKeysTest {
  record Row(String path, String key, boolean groupVersion) {}

  static Stream<Arguments> rows() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode node : TestData.tree("/dev/gatehouse/kube/openapi/v3/document-keys.yaml")) {
      Row row = TestData.read(node, Row.class);
      out.add(Arguments.of(Named.of(row.path(), row)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("rows")
  void pathToDocument(Row row) {
    assertThat(DocumentKeys.forPath(row.path())).isEqualTo(row.key());
    assertThat(DocumentKeys.isGroupVersion(row.key())).isEqualTo(row.groupVersion());
  }
}
