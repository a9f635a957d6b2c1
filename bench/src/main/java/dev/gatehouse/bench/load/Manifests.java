package dev.gatehouse.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The objects the scenarios write, and the few fields they read back. */
final class Manifests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] RV_MARKER = "\"resourceVersion\":\"".getBytes(StandardCharsets.US_ASCII);

  private Manifests() {}

  static byte[] namespace(String name) {
    ObjectNode ns = JSON.createObjectNode();
    ns.put("apiVersion", "v1");
    ns.put("kind", "Namespace");
    ns.putObject("metadata").put("name", name);
    return bytes(ns);
  }

  /** A ConfigMap whose single data value is {@code valueBytes} printable ASCII characters. */
  static byte[] configMap(String namespace, String name, int valueBytes) {
    ObjectNode cm = JSON.createObjectNode();
    cm.put("apiVersion", "v1");
    cm.put("kind", "ConfigMap");
    ObjectNode metadata = cm.putObject("metadata");
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    metadata.putObject("labels").put("app", "bench").put("tier", "load");
    cm.putObject("data").put("payload", filler(name, valueBytes));
    return bytes(cm);
  }

  /** Deterministic but not constant text, so nothing downstream can shortcut identical values. */
  private static String filler(String seed, int length) {
    StringBuilder s = new StringBuilder(length);
    int h = seed.hashCode();
    while (s.length() < length) {
      h = h * 1103515245 + 12345;
      s.append((char) ('a' + Math.floorMod(h >>> 8, 26)));
    }
    return s.toString();
  }

  /** Creates the namespace unless it exists. */
  static void ensureNamespace(ApiClient client, String name) {
    client.expect(HttpMethod.POST, "/api/v1/namespaces", namespace(name), 201, 409);
  }

  static String resourceVersion(byte[] objectOrList) {
    return tree(objectOrList).path("metadata").path("resourceVersion").asText();
  }

  static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The digits of the first {@code "resourceVersion":"N"} in a watch line, or -1. Scanning instead of parsing
   * keeps the client's cost per event small: at 1,000 watchers every microsecond here is a millisecond of delay
   * for the last watcher served by the same event loop.
   */
  static long scanResourceVersion(byte[] line) {
    byte[] marker = RV_MARKER;
    outer:
    for (int i = 0; i + marker.length <= line.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (line[i + j] != marker[j]) {
          continue outer;
        }
      }
      long value = 0;
      int k = i + marker.length;
      boolean digits = false;
      while (k < line.length && line[k] >= '0' && line[k] <= '9') {
        value = value * 10 + (line[k] - '0');
        k++;
        digits = true;
      }
      return digits ? value : -1;
    }
    return -1;
  }
}
