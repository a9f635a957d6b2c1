package dev.gatehouse.kube.openapi.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: v3/custom-resources.yaml. */
class CustomResourceDocumentsTest {
  private static final OpenApiV3 BUILT_IN = OpenApiV3.bundled();

  record Case(String name, CustomResourceSpec spec, Map<String, Map<String, String>> operations,
      Map<String, Map<String, String>> descriptions, List<String> schemas) {}

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : TestData.tree("/dev/gatehouse/kube/openapi/v3/custom-resources.yaml")) {
      Case c = TestData.read(row, Case.class);
      out.add(Arguments.of(Named.of(c.name(), c)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void customResourceDocument(Case c) throws Exception {
    OpenApiV3 v3 = BUILT_IN.withCustomResource(c.spec());
    String key = c.spec().documentKey();
    assertThat(v3.groupVersionPaths()).contains(key);
    JsonNode doc = TestData.JSON.readTree(v3.documentJson(key));

    Map<String, Map<String, String>> operations = new TreeMap<>();
    doc.get("paths").properties().forEach(path -> {
      Map<String, String> byMethod = new TreeMap<>();
      path.getValue().properties().forEach(op -> {
        if (!op.getKey().equals("parameters")) {
          byMethod.put(op.getKey(), op.getValue().get("operationId").asText());
        }
      });
      operations.put(path.getKey(), byMethod);
    });
    assertThat(operations).isEqualTo(new TreeMap<>(c.operations()));

    c.descriptions().forEach((path, byMethod) -> byMethod.forEach((method, description) ->
        assertThat(doc.at("/paths").get(path).get(method).get("description").asText()).isEqualTo(description)));

    for (JsonNode pathItem : doc.get("paths")) {
      JsonNode patch = pathItem.get("patch");
      if (patch != null) {
        assertThat(patch.get("parameters")).anySatisfy(p ->
            assertThat(p.get("name").asText() + "/" + p.get("in").asText()).isEqualTo("fieldValidation/query"));
        assertThat(OpenApiV3Test.fieldNames(patch.at("/requestBody/content"))).containsExactly(
            "application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml");
        assertThat(patch.at("/x-kubernetes-group-version-kind/kind").asText()).isEqualTo(c.spec().kind());
      }
    }

    JsonNode schemas = doc.at("/components/schemas");
    assertThat(OpenApiV3Test.fieldNames(schemas)).containsAll(c.schemas());
    assertThat(schemas.get(c.spec().definitionName()).at("/x-kubernetes-group-version-kind/0/kind").asText())
        .isEqualTo(c.spec().kind());
    assertThat(schemas.get(c.spec().listDefinitionName()).at("/x-kubernetes-group-version-kind/0/kind").asText())
        .isEqualTo(c.spec().listKind());
    List<String> unresolved = new ArrayList<>();
    OpenApiV3Test.walk(doc, "#", node -> {
      JsonNode ref = node.get("$ref");
      if (ref != null && (node.size() > 1 || !schemas.has(ref.asText().substring("#/components/schemas/".length())))) {
        unresolved.add(node.toString());
      }
    });
    assertThat(unresolved).isEmpty();
  }

  @Test
  void theSchemaGetsTypeMetaObjectMetaAndUnfoldedIntOrString() throws Exception {
    JsonNode schema = TestData.YAML.readTree(
        "type: object\n"
        + "properties:\n"
        + "  spec:\n"
        + "    type: object\n"
        + "    example: {dropped: true}\n"
        + "    properties:\n"
        + "      port: {x-kubernetes-int-or-string: true}\n"
        + "      template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}\n");
    OpenApiV3 v3 = BUILT_IN.withCustomResource("stable.example.com", "v1", "CronTab", "crontabs", true, schema);
    JsonNode kind = TestData.JSON.readTree(v3.documentJson("apis/stable.example.com/v1"))
        .at("/components/schemas/com.example.stable.v1.CronTab");

    assertThat(kind.at("/properties/metadata/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(kind.at("/properties/apiVersion/type").asText()).isEqualTo("string");
    assertThat(kind.at("/properties/kind/type").asText()).isEqualTo("string");
    assertThat(kind.at("/properties/spec/example").isMissingNode()).isTrue();
    assertThat(kind.at("/properties/spec/properties/port/anyOf/0/type").asText()).isEqualTo("integer");
    assertThat(kind.at("/properties/spec/properties/port/anyOf/1/type").asText()).isEqualTo("string");
    JsonNode template = kind.at("/properties/spec/properties/template");
    assertThat(OpenApiV3Test.fieldNames(template.get("properties"))).containsExactly("apiVersion", "kind", "metadata");
    assertThat(template.get("required").toString()).isEqualTo("[\"kind\",\"apiVersion\"]");
  }

  @Test
  void kindsOfOneGroupVersionShareADocumentAndCanBeRemoved() {
    CustomResourceSpec first = CustomResourceSpec.of("stable.example.com", "v1", "CronTab", "crontabs", true, null);
    CustomResourceSpec second = CustomResourceSpec.of("stable.example.com", "v1", "Widget", "widgets", false, null);
    OpenApiV3 both = BUILT_IN.withCustomResource(first).withCustomResource(second);
    String json = new String(both.documentJson("apis/stable.example.com/v1"));
    assertThat(json).contains("/apis/stable.example.com/v1/namespaces/{namespace}/crontabs", "/apis/stable.example.com/v1/widgets");

    OpenApiV3 one = both.withoutCustomResource("stable.example.com", "v1", "CronTab");
    assertThat(new String(one.documentJson("apis/stable.example.com/v1"))).doesNotContain("crontabs");
    OpenApiV3 none = one.withoutCustomResource("stable.example.com", "v1", "Widget");
    assertThat(none.hasDocument("apis/stable.example.com/v1")).isFalse();
    assertThat(none.documentPaths()).isEqualTo(BUILT_IN.documentPaths());
  }

  @Test
  void builtInDocumentsAreSharedNotRebuilt() {
    OpenApiV3 extended = BUILT_IN.withCustomResource(
        CustomResourceSpec.of("stable.example.com", "v1", "CronTab", "crontabs", true, null));
    assertThat(extended.documentJson("api/v1")).isSameAs(BUILT_IN.documentJson("api/v1"));
    assertThat(extended.hash("api/v1")).isEqualTo(BUILT_IN.hash("api/v1"));
  }

  @Test
  void builtInGroupVersionsCannotBeExtended() {
    assertThatThrownBy(() -> BUILT_IN.withCustomResource(
        CustomResourceSpec.of("apps", "v1", "Thing", "things", true, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apis/apps/v1");
  }
}
