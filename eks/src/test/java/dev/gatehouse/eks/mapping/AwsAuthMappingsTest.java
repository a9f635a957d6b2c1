package dev.gatehouse.eks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.resource.ResourceCatalog;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AwsAuthMappingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceType CONFIG_MAPS = ResourceCatalog.builtin().find("", "v1", "configmaps").orElseThrow();
  private static final String DEFAULT_CLUSTER = "c1";

  @TempDir
  Path dir;

  static Stream<Arguments> scenarios() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode s : Fixtures.load("/mapping/aws-auth-follow.yaml").path("scenarios")) {
      Fixtures.requireOnly(s, Set.of("name", "steps", "readYourWrites"));
      out.add(Arguments.of(s.get("name").asText(), s));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void followsTheStore(String name, JsonNode scenario) throws Exception {
    boolean readYourWrites = scenario.path("readYourWrites").asBoolean(false);
    try (SqliteStore store = SqliteStore.open(dir); AwsAuthMappings mappings = new AwsAuthMappings(store)) {
      java.util.Map<String, Long> lastWrite = new java.util.HashMap<>();
      for (JsonNode step : scenario.get("steps")) {
        Fixtures.requireOnly(step, Set.of("put", "putRaw", "putOther", "delete", "expect"));
        String cluster = DEFAULT_CLUSTER;
        if (step.has("expect")) {
          JsonNode expect = step.get("expect");
          Fixtures.requireOnly(expect, Set.of("cluster", "roles", "error"));
          cluster = expect.path("cluster").asText(DEFAULT_CLUSTER);
          AwsAuthMappings.Snapshot snapshot = readYourWrites ? mappings.snapshot(cluster)
              : awaitRevision(mappings, cluster, lastWrite.getOrDefault(cluster, 0L));
          assertThat(snapshot.config().roles()).map(RoleMapping::roleArn).as("%s", step)
              .containsExactlyElementsOf(Fixtures.strings(expect.path("roles")));
          assertThat(snapshot.lastError() != null).as("error of %s: %s", step, snapshot.lastError())
              .isEqualTo(expect.path("error").asBoolean(false));
          continue;
        }
        if (step.has("put")) {
          ObjectNode data = ((ObjectNode) step.get("put")).deepCopy();
          cluster = data.has("cluster") ? data.remove("cluster").asText() : DEFAULT_CLUSTER;
          lastWrite.put(cluster, put(store, mappings.keyOf(cluster), configMap("kube-system", "aws-auth", data)));
        } else if (step.has("putRaw")) {
          lastWrite.put(cluster, put(store, mappings.keyOf(cluster), step.get("putRaw").asText().getBytes(StandardCharsets.UTF_8)));
        } else if (step.has("putOther")) {
          JsonNode o = step.get("putOther");
          String ns = o.get("namespace").asText();
          String n = o.get("name").asText();
          put(store, StorageKeys.objectKey(cluster, CONFIG_MAPS, ns, n), configMap(ns, n, o.get("data")));
        } else if (step.has("delete")) {
          lastWrite.put(cluster, store.txn(new Txn(List.of(), List.of(new Op.Delete(mappings.keyOf(cluster))),
              List.of())).join().revision());
        }
        if (readYourWrites) {
          mappings.onWrite(cluster, CONFIG_MAPS);
        }
      }
    }
  }

  /** Waits for the watch to deliver the last write to aws-auth (writes elsewhere never show up here). */
  private static AwsAuthMappings.Snapshot awaitRevision(AwsAuthMappings mappings, String cluster, long revision)
      throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    AwsAuthMappings.Snapshot s = mappings.snapshot(cluster);
    while (s.revision() < revision && System.nanoTime() < deadline) {
      Thread.sleep(5);
      s = mappings.snapshot(cluster);
    }
    return s;
  }

  private static byte[] configMap(String namespace, String name, JsonNode data) throws Exception {
    ObjectNode cm = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.putObject("metadata").put("name", name).put("namespace", namespace);
    cm.set("data", data);
    return JSON.writeValueAsBytes(cm);
  }

  private static long put(SqliteStore store, String key, byte[] value) {
    return store.txn(new Txn(List.of(), List.of(new Op.Put(key, value)), List.of())).join().revision();
  }
}
