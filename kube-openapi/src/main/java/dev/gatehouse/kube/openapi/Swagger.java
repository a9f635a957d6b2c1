package dev.gatehouse.kube.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The upstream kube-apiserver 1.32.4 OpenAPI v2 document bundled as a resource (see NOTICE.md beside it). It is
 * the single source for OpenAPI v3 documents, patch merge keys and field validation.
 */
public final class Swagger {
  public static final String RESOURCE = "swagger-1.32.4.json";

  private static volatile JsonNode cached;

  private Swagger() {}

  /** The parsed document; parsed once per process and shared (treat it as read-only). */
  public static JsonNode document() {
    JsonNode doc = cached;
    if (doc == null) {
      synchronized (Swagger.class) {
        doc = cached;
        if (doc == null) {
          try (InputStream in = Swagger.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing bundled resource " + RESOURCE);
            }
            doc = new ObjectMapper().readTree(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          cached = doc;
        }
      }
    }
    return doc;
  }

  /** The definitions object, keyed by names such as {@code io.k8s.api.core.v1.ConfigMap}. */
  public static JsonNode definitions() {
    return document().path("definitions");
  }
}
