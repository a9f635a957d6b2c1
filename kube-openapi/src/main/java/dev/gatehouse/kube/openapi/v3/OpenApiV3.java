package dev.gatehouse.kube.openapi.v3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.openapi.Swagger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The OpenAPI v3 documents kube-apiserver serves under {@code /openapi/v3}, derived mechanically from the v2 swagger
 * (kube-openapi {@code openapiconv}, plus parameter inlining) and extended with custom resources.
 *
 * <p>Instances are immutable and thread-safe. Documents are converted and serialized lazily, on first request, and
 * then cached; {@link #withCustomResource} shares the cached built-in documents with the new instance. Building the
 * root ({@link #rootJson}) needs every document's hash, so the first root request serializes everything; call
 * {@link #warmUp()} off the startup path to pay that early.
 *
 * <p>Byte arrays returned are the cached ones: never modify them.
 */
public final class OpenApiV3 {
  private static volatile OpenApiV3 bundled;

  private final SwaggerDocuments swagger;
  private final SortedMap<String, LazyDocument> documents;
  private final Map<String, List<CustomResourceSpec>> customResources;

  private OpenApiV3(SwaggerDocuments swagger, SortedMap<String, LazyDocument> documents,
      Map<String, List<CustomResourceSpec>> customResources) {
    this.swagger = swagger;
    this.documents = Collections.unmodifiableSortedMap(documents);
    this.customResources = Map.copyOf(customResources);
  }

  /** Documents for every path of {@code swagger} (an OpenAPI v2 document); nothing is converted yet. */
  public static OpenApiV3 fromSwagger(JsonNode swagger) {
    SwaggerDocuments source = new SwaggerDocuments(swagger);
    SortedMap<String, LazyDocument> documents = new TreeMap<>();
    for (String key : source.documentKeys()) {
      documents.put(key, new LazyDocument(() -> source.build(key)));
    }
    return new OpenApiV3(source, documents, Map.of());
  }

  /** The documents of the bundled kube-apiserver 1.32.4 swagger, shared process-wide. */
  public static OpenApiV3 bundled() {
    OpenApiV3 instance = bundled;
    if (instance == null) {
      synchronized (OpenApiV3.class) {
        instance = bundled;
        if (instance == null) {
          instance = fromSwagger(Swagger.document());
          bundled = instance;
        }
      }
    }
    return instance;
  }

  /** Group-version document keys such as {@code api/v1} and {@code apis/apps/v1}, sorted. */
  public Set<String> groupVersionPaths() {
    Set<String> out = new TreeSet<>();
    for (String key : documents.keySet()) {
      if (DocumentKeys.isGroupVersion(key)) {
        out.add(key);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * Every document key, as upstream lists them in the root: the group-versions plus {@code api}, {@code apis},
   * {@code apis/<group>}, {@code version}, {@code logs}, {@code .well-known/openid-configuration} and
   * {@code openid/v1/jwks}.
   */
  public Set<String> documentPaths() {
    return documents.keySet();
  }

  public boolean hasDocument(String documentPath) {
    return documents.containsKey(documentPath);
  }

  /** The compact JSON of one document (cached; do not modify). */
  public byte[] documentJson(String documentPath) {
    return document(documentPath).get().json();
  }

  /** The document's ETag and {@code ?hash=} value: uppercase hex SHA-512 of {@link #documentJson}. */
  public String hash(String documentPath) {
    return document(documentPath).get().hash();
  }

  /**
   * The discovery root served at {@code GET /openapi/v3}:
   * {@code {"paths":{"api/v1":{"serverRelativeURL":"<urlPrefix>/openapi/v3/api/v1?hash=..."},...}}}.
   *
   * <p>Prefer {@code urlPrefix = ""} even for servers mounted under a path prefix: client-go
   * ({@code openapi/client.go}) re-bases URLs that start with {@code /openapi/v3} onto the path of its configured
   * server URL, and uses any other URL verbatim as a host-absolute path. Both work for a direct connection, but
   * only the unprefixed form survives proxies that rewrite the path prefix (kubernetes/kubernetes#117463).
   */
  public byte[] rootJson(String urlPrefix) {
    StringBuilder json = new StringBuilder(64 * documents.size()).append("{\"paths\":{");
    boolean first = true;
    for (Map.Entry<String, LazyDocument> entry : documents.entrySet()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      json.append('"').append(entry.getKey()).append("\":{\"serverRelativeURL\":\"")
          .append(urlPrefix).append("/openapi/v3/").append(entry.getKey())
          .append("?hash=").append(entry.getValue().get().hash()).append("\"}");
    }
    return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Builds and serializes every document now; returns the milliseconds it took. */
  public long warmUp() {
    long start = System.nanoTime();
    documents.values().forEach(LazyDocument::get);
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Keeps only the documents whose key matches, e.g. to hide group-versions the server does not serve. */
  public OpenApiV3 retainDocuments(Predicate<String> keep) {
    SortedMap<String, LazyDocument> kept = new TreeMap<>();
    documents.forEach((key, document) -> {
      if (keep.test(key)) {
        kept.put(key, document);
      }
    });
    Map<String, List<CustomResourceSpec>> keptResources = new TreeMap<>(customResources);
    keptResources.keySet().removeIf(key -> !keep.test(key));
    return new OpenApiV3(swagger, kept, keptResources);
  }

  /** {@link #withCustomResource(CustomResourceSpec)} for a version without subresources. */
  public OpenApiV3 withCustomResource(String group, String version, String kind, String plural, boolean namespaced,
      JsonNode openAPIV3Schema) {
    return withCustomResource(CustomResourceSpec.of(group, version, kind, plural, namespaced, openAPIV3Schema));
  }

  /**
   * A new instance whose {@code apis/<group>/<version>} document also describes this custom resource, replacing an
   * earlier spec of the same kind. Custom resources sharing a group-version share one document, as upstream merges
   * them. Built-in group-versions cannot be extended.
   */
  public OpenApiV3 withCustomResource(CustomResourceSpec spec) {
    String key = spec.documentKey();
    if (documents.containsKey(key) && !customResources.containsKey(key)) {
      throw new IllegalArgumentException("openapi: " + key + " is a built-in group-version");
    }
    List<CustomResourceSpec> specs = new ArrayList<>(customResources.getOrDefault(key, List.of()));
    specs.removeIf(spec::sameKind);
    specs.add(spec);
    return withCustomResources(key, specs);
  }

  /** A new instance without this custom resource kind; its document disappears with its last kind. */
  public OpenApiV3 withoutCustomResource(String group, String version, String kind) {
    String key = DocumentKeys.forGroupVersion(group, version);
    List<CustomResourceSpec> specs = new ArrayList<>(customResources.getOrDefault(key, List.of()));
    if (!specs.removeIf(s -> s.kind().equals(kind))) {
      return this;
    }
    return withCustomResources(key, specs);
  }

  private OpenApiV3 withCustomResources(String key, List<CustomResourceSpec> specs) {
    SortedMap<String, LazyDocument> newDocuments = new TreeMap<>(documents);
    Map<String, List<CustomResourceSpec>> newResources = new TreeMap<>(customResources);
    if (specs.isEmpty()) {
      newDocuments.remove(key);
      newResources.remove(key);
    } else {
      List<CustomResourceSpec> frozen = List.copyOf(specs);
      CustomResourceDocuments builder = new CustomResourceDocuments(swagger);
      newDocuments.put(key, new LazyDocument(() -> builder.build(frozen)));
      newResources.put(key, frozen);
    }
    return new OpenApiV3(swagger, newDocuments, newResources);
  }

  private LazyDocument document(String documentPath) {
    LazyDocument document = documents.get(documentPath);
    if (document == null) {
      throw new NoSuchElementException("openapi: no v3 document " + documentPath);
    }
    return document;
  }
}
