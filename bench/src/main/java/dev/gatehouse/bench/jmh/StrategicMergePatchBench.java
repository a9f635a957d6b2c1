package dev.gatehouse.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.kube.patch.PatchSchema;
import dev.gatehouse.kube.patch.StrategicMergePatch;
import dev.gatehouse.kube.patch.SwaggerPatchSchema;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Strategic merge patch of a two-container Deployment, as {@code kubectl patch}/{@code kubectl set image} send it:
 * scalar and label changes, a map null (delete), merges by name into containers/env/ports and a {@code $patch:
 * delete} in volumes. Parsing is outside the measurement; the schema is looked up once (the server caches it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StrategicMergePatchBench {
  private JsonNode original;
  private JsonNode patch;
  private PatchSchema schema;

  @Setup
  public void setUp() throws IOException {
    ObjectMapper json = new ObjectMapper();
    original = json.readTree(Samples.bytes("deployment.json"));
    patch = json.readTree(Samples.bytes("deployment-patch.json"));
    schema = SwaggerPatchSchema.forDefinition("io.k8s.api.apps.v1.Deployment");
    JsonNode result = StrategicMergePatch.apply(original, patch, schema);
    if (!"registry.example.com/web:1.5.0".equals(result.at("/spec/template/spec/containers/0/image").asText())
        || result.at("/spec/template/spec/containers").size() != 2) {
      throw new IllegalStateException("patch did not merge containers by name: " + result);
    }
  }

  @Benchmark
  public JsonNode applyToDeployment() {
    return StrategicMergePatch.apply(original, patch, schema);
  }

  /** The schema lookup the handler does per request when it does not keep the schema. */
  @Benchmark
  public JsonNode lookUpSchemaAndApply() {
    return StrategicMergePatch.apply(original, patch, SwaggerPatchSchema.forDefinition("io.k8s.api.apps.v1.Deployment"));
  }
}
