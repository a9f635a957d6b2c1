package dev.gatehouse.kube.openapi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.openapi.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed or unusual input yields errors, never exceptions. */
class RobustnessTest {
  private static JsonNode json(String s) {
    try {
      return TestData.JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void emptyCrd() {
    List<FieldError> errors = CrdValidator.validate(json("{}"));
    assertThat(errors).extracting(FieldError::message).contains(
        "metadata.name: Required value: name or generateName is required",
        "spec.group: Required value",
        "spec.scope: Required value",
        "spec.names.plural: Required value",
        "status.storedVersions: Invalid value: []string(nil): must have at least one stored version");
    assertThat(CrdValidator.validateUpdate(json("{}"), json("{}"))).isNotEmpty();
  }

  @Test
  void crdWithOddlyTypedFields() {
    JsonNode crd = json("{\"metadata\":{\"name\":\"a.b.c\"},\"spec\":{\"group\":\"b.c\",\"names\":\"x\","
        + "\"versions\":[{\"name\":\"v1\",\"storage\":true,\"schema\":{\"openAPIV3Schema\":"
        + "{\"type\":\"object\",\"properties\":{\"a\":5,\"b\":{\"items\":[{}],\"type\":\"array\"}}}}}]}}");
    assertThat(CrdValidator.validate(crd)).isNotEmpty();
  }

  @Test
  void customResourcesOfAnyShape() {
    CustomResourceValidator v = CustomResourceValidator.forSchema(json(
        "{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"x-kubernetes-embedded-resource\":true,"
            + "\"properties\":{\"l\":{\"type\":\"array\",\"x-kubernetes-list-type\":\"map\","
            + "\"x-kubernetes-list-map-keys\":[\"k\"],\"items\":{\"type\":\"object\"}}}}}}"));
    for (String body : List.of("[]", "\"x\"", "null", "{\"spec\":[]}", "{\"spec\":{\"metadata\":7,\"l\":[1,null]}}",
        "{\"spec\":{\"l\":[{\"k\":[1]},{\"k\":[1]}]}}")) {
      assertThat(v.validate(json(body))).as(body).isNotNull();
      assertThat(v.validateUpdate(json(body), json("[]"))).as(body).isNotNull();
    }
    assertThat(v.validate(json("{\"spec\":{\"apiVersion\":\"v1\",\"kind\":\"K\",\"l\":[{\"k\":[1]},{\"k\":[1]}]}}")))
        .extracting(FieldError::message)
        .containsExactly("spec.l[1]: Duplicate value: map[string]interface {}{\"k\":[]interface {}{1}}");
  }

  @Test
  void defaultingOfAnyShape() {
    JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"array\",\"items\":"
        + "{\"type\":\"object\",\"default\":{\"x\":1},\"properties\":{\"x\":{\"type\":\"integer\"}}}}}}");
    ObjectNode object = (ObjectNode) json("{\"a\":\"not a list\",\"b\":null}");
    StructuralDefaulting.apply(schema, object);
    assertThat(object).isEqualTo(json("{\"a\":\"not a list\",\"b\":null}"));
    ObjectNode list = (ObjectNode) json("{\"a\":[null, 3, {}]}");
    StructuralDefaulting.apply(schema, list);
    assertThat(list).isEqualTo(json("{\"a\":[{\"x\":1}, 3, {}]}"));
    StructuralDefaulting.apply(null, list);
  }
}
