package dev.gatehouse.kube.openapi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.meta.validation.FieldError;
import dev.gatehouse.kube.openapi.TestData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: schema/crd-cases.yaml. */
class CrdValidatorTest {
  private static final JsonNode TABLE = TestData.tree("/dev/gatehouse/kube/openapi/schema/crd-cases.yaml");

  record Case(String name, String mode, JsonNode patch, JsonNode schema, JsonNode oldPatch, List<String> errors) {}

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
    JsonNode crd = build(c.patch(), c.schema());
    List<FieldError> errors = "update".equals(c.mode())
        ? CrdValidator.validateUpdate(crd, build(c.oldPatch(), null))
        : CrdValidator.validate(crd);
    assertThat(errors).extracting(FieldError::message).containsExactlyElementsOf(c.errors());
  }

  @Test
  void prepareForCreateRecordsTheStorageVersion() {
    ObjectNode crd = (ObjectNode) build(null, null);
    crd.putObject("status").putArray("storedVersions").add("old");
    CrdValidator.prepareForCreate(crd);
    assertThat(crd.get("status").toString()).isEqualTo("{\"storedVersions\":[\"v1\"]}");
  }

  @Test
  void prepareForUpdateKeepsTheOldStatusAndAddsTheStorageVersion() {
    ObjectNode old = (ObjectNode) build(null, null);
    old.putObject("status").putArray("storedVersions").add("v0");
    ObjectNode crd = (ObjectNode) build(null, null);
    CrdValidator.prepareForUpdate(crd, old);
    assertThat(crd.get("status").toString()).isEqualTo("{\"storedVersions\":[\"v0\",\"v1\"]}");
  }

  private static JsonNode build(JsonNode patch, JsonNode schema) {
    JsonNode crd = TABLE.get("base").deepCopy();
    if (patch != null) {
      crd = mergePatch(crd, patch);
    }
    if (schema != null) {
      ObjectNode wrapper = (ObjectNode) crd.get("spec").get("versions").get(0).get("schema");
      wrapper.set("openAPIV3Schema", schema.deepCopy());
    }
    return crd;
  }

  /** RFC 7386. */
  private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : TestData.JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }
}
