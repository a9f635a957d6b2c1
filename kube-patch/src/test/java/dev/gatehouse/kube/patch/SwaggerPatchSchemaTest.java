package dev.gatehouse.kube.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Schema lookups from patch-schema-cases.yaml against the bundled OpenAPI document. */
class SwaggerPatchSchemaTest {
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    CaseFiles.load("patch-schema-cases.yaml").path("cases")
        .forEach(c -> out.add(Arguments.of(c.path("description").asText(), c)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void looksUp(String description, JsonNode c) {
    PatchSchema schema = SwaggerPatchSchema.forDefinition(c.path("definition").asText());
    for (JsonNode step : c.path("path")) {
      schema = step.asText().equals("[]") ? schema.items() : schema.field(step.asText());
    }
    if (c.has("shape")) {
      assertThat(schema.shape().name()).isEqualTo(c.get("shape").asText());
    }
    if (c.has("strategies")) {
      assertThat(schema.patchMeta().strategies()).containsExactlyElementsOf(texts(c.get("strategies")));
    }
    if (c.has("mergeKey")) {
      assertThat(schema.patchMeta().mergeKey()).isEqualTo(c.get("mergeKey").asText());
    }
    if (c.has("listType")) {
      assertThat(schema.listType()).contains(c.get("listType").asText());
    }
    if (c.has("listMapKeys")) {
      assertThat(schema.listMapKeys()).containsExactlyElementsOf(texts(c.get("listMapKeys")));
    }
    if (c.has("mapType")) {
      assertThat(schema.mapType()).contains(c.get("mapType").asText());
    }
    if (c.has("typeName")) {
      assertThat(schema.typeName()).isEqualTo(c.get("typeName").asText());
    }
    if (c.has("itemsTypeName")) {
      assertThat(schema.items().typeName()).isEqualTo(c.get("itemsTypeName").asText());
    }
  }

  @Test
  void definitionsAreCachedAndUnknownOnesRejected() {
    PatchSchema pod = SwaggerPatchSchema.forDefinition("io.k8s.api.core.v1.Pod");
    assertThat(SwaggerPatchSchema.forDefinition("io.k8s.api.core.v1.Pod")).isSameAs(pod);
    assertThat(pod.field("spec").field("containers").items())
        .isSameAs(pod.field("spec").field("containers").items());
    assertThatThrownBy(() -> SwaggerPatchSchema.forDefinition("io.k8s.api.core.v1.Nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
