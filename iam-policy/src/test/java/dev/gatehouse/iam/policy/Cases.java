package dev.gatehouse.iam.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** Loads table-driven cases from YAML under src/test/resources/iam-policy; unknown fields fail the load. */
final class Cases {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Cases() {}

  /** Each case as one named argument (the name is the case's {@code name}). */
  static <T extends NamedCase> Stream<Arguments> load(String file, Class<T> type) {
    JavaType listType = YAML.getTypeFactory().constructCollectionType(List.class, type);
    try (InputStream in = Cases.class.getResourceAsStream("/iam-policy/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing case file " + file);
      }
      List<T> cases = YAML.readValue(in, listType);
      if (cases.isEmpty()) {
        throw new IllegalStateException("no cases in " + file);
      }
      return cases.stream().map(c -> Arguments.of(Named.of(c.name(), c)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case type has a sentence for a name. */
  interface NamedCase {
    String name();
  }
}
