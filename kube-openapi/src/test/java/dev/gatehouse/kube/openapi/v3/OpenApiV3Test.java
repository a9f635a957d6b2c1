package dev.gatehouse.kube.openapi.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.Swagger;
import dev.gatehouse.kube.openapi.TestData;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled swagger's v3 documents, checked against v3/kubectl-expectations.yaml and structural rules. */
class OpenApiV3Test {
  private static final JsonNode EXPECTATIONS =
      TestData.tree("/dev/gatehouse/kube/openapi/v3/kubectl-expectations.yaml");
  private static final OpenApiV3 V3 = OpenApiV3.bundled();

  record KindExpectation(String document, String group, String version, String kind, String schema) {}

  record MergeKeyExpectation(String document, String schema, String property, String mergeKey, String strategy) {}

  @BeforeAll
  static void buildEverything() {
    long millis = V3.warmUp();
    System.out.printf("built and serialized %d OpenAPI v3 documents in %d ms%n", V3.documentPaths().size(), millis);
  }

  static JsonNode document(String key) {
    try {
      return TestData.JSON.readTree(V3.documentJson(key));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> kinds() {
    return rows("kinds", KindExpectation.class, k -> k.document() + " " + k.kind());
  }

  static Stream<Arguments> mergeKeys() {
    return rows("mergeKeys", MergeKeyExpectation.class, m -> m.schema() + "." + m.property());
  }

  static Stream<Arguments> documentKeys() {
    return V3.documentPaths().stream().map(key -> Arguments.of(Named.of(key, key)));
  }

  private static <T> Stream<Arguments> rows(String table, Class<T> type, java.util.function.Function<T, String> name) {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode row : EXPECTATIONS.get(table)) {
      T value = TestData.read(row, type);
      out.add(Arguments.of(Named.of(name.apply(value), value)));
    }
    return out.stream();
  }

  @Test
  void everyGroupVersionOfTheSwaggerHasADocument() {
    Set<String> expected = new TreeSet<>();
    EXPECTATIONS.get("groupVersions").forEach(gv -> expected.add(gv.asText()));
    assertThat(V3.groupVersionPaths()).containsExactlyElementsOf(expected);

    Set<String> fromSwaggerPaths = new TreeSet<>();
    Swagger.document().get("paths").fieldNames().forEachRemaining(path -> {
      String key = DocumentKeys.forPath(path);
      if (DocumentKeys.isGroupVersion(key)) {
        fromSwaggerPaths.add(key);
      }
    });
    assertThat(V3.groupVersionPaths()).containsExactlyElementsOf(fromSwaggerPaths);
    assertThat(V3.documentPaths()).contains("api", "apis", "apis/apps", "version", "openid/v1/jwks");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void patchOperationsOfTheKindTakeFieldValidationAndStrategicMergePatch(KindExpectation k) {
    JsonNode doc = document(k.document());
    int patchOperations = 0;
    for (JsonNode pathItem : doc.get("paths")) {
      JsonNode patch = pathItem.get("patch");
      if (patch == null || !hasGvk(patch.get("x-kubernetes-group-version-kind"), k)) {
        continue;
      }
      patchOperations++;
      // kubectl stops at the first match in map order, so every match must pass.
      assertThat(patch.get("parameters")).anySatisfy(p -> {
        assertThat(p.path("name").asText()).isEqualTo("fieldValidation");
        assertThat(p.path("in").asText()).isEqualTo("query");
      });
      assertThat(fieldNames(patch.at("/requestBody/content")))
          .contains("application/strategic-merge-patch+json", "application/merge-patch+json",
              "application/json-patch+json", "application/apply-patch+yaml");
    }
    assertThat(patchOperations).as("PATCH operations tagged %s", k.kind()).isPositive();

    JsonNode schema = doc.at("/components/schemas").get(k.schema());
    assertThat(schema).as("component schema %s", k.schema()).isNotNull();
    assertThat(schema.get("x-kubernetes-group-version-kind"))
        .anySatisfy(gvk -> assertThat(hasGvk(gvk, k)).isTrue());
  }

  @ParameterizedTest
  @MethodSource("mergeKeys")
  void strategicMergeMetadataSurvives(MergeKeyExpectation m) {
    JsonNode property = document(m.document()).at("/components/schemas").get(m.schema())
        .get("properties").get(m.property());
    if (m.mergeKey() != null) {
      assertThat(property.path("x-kubernetes-patch-merge-key").asText()).isEqualTo(m.mergeKey());
    }
    assertThat(property.path("x-kubernetes-patch-strategy").asText()).isEqualTo(m.strategy());
  }

  @ParameterizedTest
  @MethodSource("documentKeys")
  void documentsAreSelfContainedOpenApi3(String key) {
    JsonNode doc = document(key);
    assertThat(doc.path("openapi").asText()).isEqualTo("3.0.0");
    assertThat(doc.path("info").path("title").asText()).isEqualTo("Kubernetes");
    assertThat(doc.path("paths").size()).isPositive();
    for (Map.Entry<String, JsonNode> path : iterable(doc.get("paths"))) {
      assertThat(DocumentKeys.forPath(path.getKey())).isEqualTo(key);
    }
    JsonNode schemas = doc.at("/components/schemas");
    List<String> problems = new ArrayList<>();
    walk(doc, "#", node -> {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        String target = ref.asText();
        if (!target.startsWith("#/components/schemas/") || !schemas.has(target.substring(21))) {
          problems.add("unresolved " + target);
        }
        if (node.size() > 1) {
          problems.add("$ref with siblings " + node);
        }
      }
    });
    for (JsonNode pathItem : doc.get("paths")) {
      for (Map.Entry<String, JsonNode> op : iterable(pathItem)) {
        if (op.getKey().equals("parameters")) {
          op.getValue().forEach(p -> checkParameter(p, problems));
          continue;
        }
        for (String v2Only : new String[] {"consumes", "produces", "schemes"}) {
          if (op.getValue().has(v2Only)) {
            problems.add(op.getKey() + " still has " + v2Only);
          }
        }
        op.getValue().path("parameters").forEach(p -> checkParameter(p, problems));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDefinitionGvkReachableFromAPatchIsKeptForExplain() {
    for (String key : V3.groupVersionPaths()) {
      JsonNode doc = document(key);
      Set<String> kindsWithSchema = new TreeSet<>();
      for (JsonNode schema : doc.at("/components/schemas")) {
        schema.path("x-kubernetes-group-version-kind").forEach(g -> kindsWithSchema.add(gvkString(g)));
      }
      for (JsonNode pathItem : doc.get("paths")) {
        JsonNode patch = pathItem.get("patch");
        if (patch != null && patch.has("requestBody")) {
          assertThat(kindsWithSchema).as(key).contains(gvkString(patch.get("x-kubernetes-group-version-kind")));
        }
      }
    }
  }

  @Test
  void hashIsUppercaseSha512OfTheCachedBytes() throws Exception {
    byte[] json = V3.documentJson("apis/apps/v1");
    String expected = HexFormat.of().withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-512").digest(json));
    assertThat(V3.hash("apis/apps/v1")).isEqualTo(expected).hasSize(128);
    assertThat(V3.documentJson("apis/apps/v1")).isSameAs(json);
  }

  @Test
  void rootListsEveryDocumentWithItsHash() throws Exception {
    JsonNode root = TestData.JSON.readTree(V3.rootJson(""));
    assertThat(fieldNames(root.get("paths"))).containsExactlyElementsOf(V3.documentPaths());
    assertThat(root.at("/paths/api~1v1/serverRelativeURL").asText())
        .isEqualTo("/openapi/v3/api/v1?hash=" + V3.hash("api/v1"));

    JsonNode prefixed = TestData.JSON.readTree(V3.rootJson("/clusters/dev"));
    assertThat(prefixed.at("/paths/apis~1apps~1v1/serverRelativeURL").asText())
        .isEqualTo("/clusters/dev/openapi/v3/apis/apps/v1?hash=" + V3.hash("apis/apps/v1"));
  }

  @Test
  void unknownDocumentsAreReported() {
    assertThat(V3.hasDocument("apis/example.com/v1")).isFalse();
    assertThatThrownBy(() -> V3.documentJson("apis/example.com/v1")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void retainDocumentsDropsTheRest() {
    OpenApiV3 core = V3.retainDocuments(key -> key.equals("api/v1") || key.equals("api"));
    assertThat(core.documentPaths()).containsExactly("api", "api/v1");
    assertThat(core.documentJson("api/v1")).isSameAs(V3.documentJson("api/v1"));
  }

  private static void checkParameter(JsonNode parameter, List<String> problems) {
    if (parameter.has("$ref") || !parameter.has("schema") || parameter.path("in").asText().equals("body")) {
      problems.add("parameter not in v3 form: " + parameter);
    }
  }

  private static boolean hasGvk(JsonNode gvk, KindExpectation k) {
    return gvk != null && gvk.path("group").asText().equals(k.group())
        && gvk.path("version").asText().equals(k.version()) && gvk.path("kind").asText().equals(k.kind());
  }

  private static String gvkString(JsonNode gvk) {
    return gvk.path("group").asText() + "/" + gvk.path("version").asText() + "/" + gvk.path("kind").asText();
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node.properties();
  }

  /** Visits every object node except name-to-schema maps, whose keys (JSONSchemaProps has "$ref") are names. */
  static void walk(JsonNode node, String pointer, java.util.function.Consumer<JsonNode> visitor) {
    walk(node, pointer, visitor, false);
  }

  private static void walk(JsonNode node, String pointer, java.util.function.Consumer<JsonNode> visitor,
      boolean nameMap) {
    if (node.isObject()) {
      if (!nameMap) {
        visitor.accept(node);
      }
      node.properties().forEach(e -> walk(e.getValue(), pointer + "/" + e.getKey(), visitor,
          !nameMap && (e.getKey().equals("properties") || e.getKey().equals("schemas"))));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, visitor, false);
      }
    }
  }
}
