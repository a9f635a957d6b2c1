package dev.gatehouse.kube.patch.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.kube.patch.MergePatch;
import dev.gatehouse.kube.patch.PatchException;
import dev.gatehouse.kube.patch.SwaggerPatchSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server-side apply and managedFields cases from field-manager-cases.yaml. A case runs its steps in order from
 * {@code live} (absent: the object does not exist); an update step gives the whole new object or a merge patch of
 * the current one. The last step either yields {@code expected} (managedFields included, entry order significant)
 * or fails with {@code error}.
 */
class FieldManagerTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final Set<String> CASE_KEYS = Set.of("description", "schema", "apiVersion", "kind", "subresource",
      "resetFields", "live", "steps", "expected", "expectedChanged", "error");
  private static final Set<String> STEP_KEYS = Set.of("op", "manager", "force", "time", "object", "mergePatch");

  static Stream<Arguments> cases() throws IOException {
    JsonNode file;
    try (InputStream in = FieldManagerTest.class.getResourceAsStream("field-manager-cases.yaml")) {
      file = YAML.readTree(in);
    }
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : file.path("cases")) {
      checkKeys(c, CASE_KEYS);
      c.path("steps").forEach(s -> checkKeys(s, STEP_KEYS));
      if (c.has("expected") == c.has("error")) {
        throw new IllegalStateException(c.path("description").asText() + ": needs one of expected and error");
      }
      out.add(Arguments.of(c.path("description").asText(), c));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void runs(String description, JsonNode c) {
    List<List<String>> reset = new ArrayList<>();
    c.path("resetFields").forEach(p -> {
      List<String> path = new ArrayList<>();
      p.forEach(e -> path.add(e.asText()));
      reset.add(path);
    });
    FieldManager manager = new FieldManager(SwaggerPatchSchema.forDefinition(c.path("schema").asText()),
        c.path("apiVersion").asText(), c.path("kind").asText(), c.path("subresource").asText(""), reset);
    JsonNode live = c.get("live");
    boolean changed = false;
    List<JsonNode> steps = new ArrayList<>();
    c.path("steps").forEach(steps::add);
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      boolean last = i == steps.size() - 1;
      JsonNode before = live == null ? null : live.deepCopy();
      JsonNode current = live;
      Runnable run;
      JsonNode[] result = new JsonNode[1];
      boolean[] stepChanged = new boolean[1];
      Instant time = Instant.parse(step.path("time").asText("2024-05-01T10:00:00Z"));
      String who = step.path("manager").asText();
      switch (step.path("op").asText()) {
        case "apply" -> run = () -> {
          FieldManager.ApplyResult r =
              manager.apply(current, step.get("object"), who, step.path("force").asBoolean(false), time);
          result[0] = r.object();
          stepChanged[0] = r.changed();
        };
        case "update" -> run = () -> {
          JsonNode updated = step.has("mergePatch") ? MergePatch.apply(current, step.get("mergePatch"))
              : step.get("object");
          result[0] = manager.update(current, updated, who, time);
          stepChanged[0] = true;
        };
        default -> throw new IllegalStateException("unknown op " + step.path("op").asText());
      }
      if (last && c.has("error")) {
        Throwable thrown = catchThrowable(run::run);
        assertError(thrown, c.get("error"));
        return;
      }
      run.run();
      assertThat(live).as("step %d leaves its input alone", i).isEqualTo(before);
      live = result[0];
      changed = stepChanged[0];
    }
    assertThat(canonical(live)).isEqualTo(canonical(c.get("expected")));
    if (c.has("expectedChanged")) {
      assertThat(changed).as("changed").isEqualTo(c.get("expectedChanged").asBoolean());
    }
  }

  private static void assertError(Throwable thrown, JsonNode expected) {
    assertThat(thrown).as("expected an error").isNotNull();
    if (expected.path("status").asText().equals("CONFLICT")) {
      assertThat(thrown).isInstanceOf(ApplyConflictException.class);
      ApplyConflictException e = (ApplyConflictException) thrown;
      assertThat(e.getMessage()).isEqualTo(expected.path("message").asText());
      assertThat(e.code()).isEqualTo(409);
      List<String> causes = new ArrayList<>();
      e.causes().forEach(cause -> causes.add(cause.type() + " | " + cause.message() + " | " + cause.field()));
      List<String> wanted = new ArrayList<>();
      expected.path("causes").forEach(cause -> wanted.add(cause.asText()));
      assertThat(causes).containsExactlyElementsOf(wanted);
    } else {
      assertThat(thrown).isInstanceOf(PatchException.class);
      PatchException e = (PatchException) thrown;
      assertThat(e.getMessage()).isEqualTo(expected.path("message").asText());
      assertThat(e.status().name()).isEqualTo(expected.path("status").asText());
    }
  }

  private static void checkKeys(JsonNode node, Set<String> allowed) {
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        throw new IllegalStateException("unknown key " + k + " in " + node.path("description").asText(""));
      }
    });
  }

  private static String canonical(JsonNode node) {
    try {
      return JSON.writeValueAsString(JSON.treeToValue(node, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
