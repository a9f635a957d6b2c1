package dev.gatehouse.kube.openapi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.openapi.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: schema/defaulting-cases.yaml. */
class StructuralDefaultingTest {
  private static final JsonNode TABLE = TestData.tree("/dev/gatehouse/kube/openapi/schema/defaulting-cases.yaml");

  record Case(String name, JsonNode schema, ObjectNode object, JsonNode expected) {}

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
  void defaults(Case c) {
    ObjectNode object = c.object().deepCopy();
    StructuralDefaulting.apply(c.schema(), object);
    assertThat(object).isEqualTo(c.expected());
  }

  @Test
  void defaultsAreCopiesNotShared() {
    JsonNode schema = TABLE.get("cases").get(18).get("schema");
    ObjectNode object = TestData.JSON.createObjectNode();
    object.putArray("items").addObject();
    object.withArray("items").addObject();
    StructuralDefaulting defaulting = StructuralDefaulting.forSchema(schema);
    defaulting.apply(object);
    ((ArrayNode) object.get("items").get(0).get("meta").get("tags")).add("mutated");
    assertThat(object.get("items").get(1).get("meta").get("tags")).hasSize(1);
    ObjectNode again = TestData.JSON.createObjectNode();
    again.putArray("items").addObject();
    defaulting.apply(again);
    assertThat(again.get("items").get(0).get("meta").get("tags")).hasSize(1);
  }

  @Test
  void pruningRemovesUnknownFieldsAndReportsThem() {
    JsonNode schema = TABLE.get("cases").get(0).get("schema");
    ObjectNode object = (ObjectNode) TestData.JSON.valueToTree(java.util.Map.of(
        "apiVersion", "v1", "kind", "K", "metadata", java.util.Map.of("name", "x"),
        "spec", java.util.Map.of("replicas", 1, "bogus", java.util.List.of(1)), "extra", true));
    List<String> removed = StructuralPruning.prune(schema, object, true);
    assertThat(removed).containsExactly("extra", "spec.bogus");
    assertThat(object.fieldNames()).toIterable().containsExactlyInAnyOrder("apiVersion", "kind", "metadata", "spec");
  }
}
