package dev.gatehouse.kube.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads YAML test tables from the classpath; unknown keys in a case fail the load. */
public final class TestData {
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  public static final ObjectMapper JSON = new ObjectMapper();

  private TestData() {}

  public static JsonNode tree(String resource) {
    try (InputStream in = open(resource)) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(JsonNode node, Class<T> type) {
    try {
      return YAML.treeToValue(node, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(JsonNode node, JavaType type) {
    try {
      return YAML.readerFor(type).readValue(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = TestData.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("missing test resource " + resource);
    }
    return in;
  }
}
