package dev.gatehouse.kube.openapi.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits one OpenAPI v2 swagger into the per-document v3 specs. Construction only indexes path names (cheap);
 * paths and definitions are converted when a document is first built, and each definition is converted once and
 * shared by every document that reaches it.
 */
final class SwaggerDocuments {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode swagger;
  private final OperationConverter operations;
  private final SortedMap<String, List<String>> pathsByDocument;
  private final Map<String, ConvertedDefinition> convertedDefinitions = new ConcurrentHashMap<>();

  /** A definition in v3 form plus the definition names it references directly. */
  private record ConvertedDefinition(JsonNode schema, Set<String> refs) {}

  SwaggerDocuments(JsonNode swagger) {
    if (!swagger.path("paths").isObject() || !swagger.path("definitions").isObject()) {
      throw new IllegalArgumentException("openapi: swagger document needs 'paths' and 'definitions' objects");
    }
    this.swagger = swagger;
    this.operations = new OperationConverter(swagger.path("parameters"));
    SortedMap<String, List<String>> byDocument = new TreeMap<>();
    swagger.path("paths").fieldNames().forEachRemaining(
        path -> byDocument.computeIfAbsent(DocumentKeys.forPath(path), k -> new ArrayList<>()).add(path));
    this.pathsByDocument = Collections.unmodifiableSortedMap(byDocument);
  }

  Set<String> documentKeys() {
    return pathsByDocument.keySet();
  }

  OperationConverter operations() {
    return operations;
  }

  JsonNode swagger() {
    return swagger;
  }

  /** Builds the complete v3 document for one key; the result shares read-only subtrees with other documents. */
  ObjectNode build(String documentKey) {
    List<String> paths = pathsByDocument.get(documentKey);
    if (paths == null) {
      throw new IllegalArgumentException("openapi: no paths for document " + documentKey);
    }
    Set<String> refs = new HashSet<>();
    ObjectNode convertedPaths = NODES.objectNode();
    for (String path : paths) {
      convertedPaths.set(path, operations.convertPathItem(swagger.path("paths").get(path), refs));
    }
    ObjectNode document = newDocument(swagger.path("info"));
    document.set("paths", convertedPaths);
    ObjectNode components = document.putObject("components");
    components.set("schemas", schemasObject(schemasReachableFrom(refs)));
    JsonNode security = swagger.get("securityDefinitions");
    if (security != null && security.size() > 0) {
      components.set("securitySchemes", security);
    }
    return document;
  }

  static ObjectNode newDocument(JsonNode info) {
    ObjectNode document = NODES.objectNode();
    document.put("openapi", "3.0.0");
    document.set("info", info);
    return document;
  }

  static ObjectNode schemasObject(SortedMap<String, JsonNode> schemas) {
    ObjectNode out = NODES.objectNode();
    schemas.forEach(out::set);
    return out;
  }

  /**
   * The v3 schemas of every swagger definition reachable from {@code seeds}, sorted by name. Names that are not
   * swagger definitions (custom resources) are skipped; the caller supplies those.
   */
  SortedMap<String, JsonNode> schemasReachableFrom(Set<String> seeds) {
    SortedMap<String, JsonNode> out = new TreeMap<>();
    Deque<String> pending = new ArrayDeque<>(seeds);
    Set<String> seen = new HashSet<>(seeds);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      ConvertedDefinition definition = definition(name);
      if (definition == null) {
        continue;
      }
      out.put(name, definition.schema());
      for (String ref : definition.refs()) {
        if (seen.add(ref)) {
          pending.push(ref);
        }
      }
    }
    return out;
  }

  private ConvertedDefinition definition(String name) {
    ConvertedDefinition cached = convertedDefinitions.get(name);
    if (cached != null) {
      return cached;
    }
    JsonNode source = swagger.path("definitions").get(name);
    if (source == null) {
      return null;
    }
    Set<String> refs = new HashSet<>();
    JsonNode schema = SchemaConverter.convert(source, refs);
    ConvertedDefinition converted = new ConvertedDefinition(schema, Set.copyOf(refs));
    ConvertedDefinition raced = convertedDefinitions.putIfAbsent(name, converted);
    return raced != null ? raced : converted;
  }
}
