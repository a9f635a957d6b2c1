package dev.gatehouse.bench.jmh;

import dev.gatehouse.kube.openapi.validation.FieldValidator;
import dev.gatehouse.kube.openapi.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Server-side field validation (strict decoding: unknown/duplicate fields, type errors) of a Deployment body, clean
 * and with one unknown field, from the raw request bytes as the create handler receives them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FieldValidationBench {
  private FieldValidator validator;
  private byte[] clean;
  private byte[] unknownField;

  @Setup
  public void setUp() {
    validator = FieldValidator.forDefinition("io.k8s.api.apps.v1.Deployment");
    clean = Samples.bytes("deployment.json");
    unknownField = new String(clean, StandardCharsets.UTF_8)
        .replace("\"replicas\": 3,", "\"replicas\": 3, \"replicaz\": 4,").getBytes(StandardCharsets.UTF_8);
    if (!validator.validate(clean).isClean() || validator.validate(unknownField).unknownFields().isEmpty()) {
      throw new IllegalStateException("validator does not see the sample as expected");
    }
  }

  @Benchmark
  public ValidationResult validateCleanDeployment() {
    return validator.validate(clean);
  }

  @Benchmark
  public ValidationResult validateDeploymentWithUnknownField() {
    return validator.validate(unknownField);
  }
}
