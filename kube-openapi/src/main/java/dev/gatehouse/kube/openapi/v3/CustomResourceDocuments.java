package dev.gatehouse.kube.openapi.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the v3 document of one custom-resource group-version, shaped like apiextensions-apiserver's
 * {@code builder.BuildOpenAPIV3} merged over every CRD of that group-version.
 *
 * <p>The routes are the ones {@code generateBuilder} registers. Their option parameters come from the matching
 * built-in ConfigMap operations of the bundled swagger, because both are generated from the same
 * {@code metav1.*Options} structs. Only the content types differ from built-ins: PATCH consumes JSON patch, merge
 * patch and apply patch (no strategic merge patch, which custom resources do not support), everything else consumes
 * and produces JSON and YAML.
 */
final class CustomResourceDocuments {
  private static final String TEMPLATE_COLLECTION = "/api/v1/namespaces/{namespace}/configmaps";
  private static final String TEMPLATE_ALL_NAMESPACES = "/api/v1/configmaps";
  private static final String TEMPLATE_ITEM = "/api/v1/namespaces/{namespace}/configmaps/{name}";
  private static final String STATUS = "io.k8s.apimachinery.pkg.apis.meta.v1.Status";
  private static final String DELETE_OPTIONS = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions";
  private static final String PATCH = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";
  private static final String SCALE = "io.k8s.api.autoscaling.v1.Scale";
  private static final List<String> JSON_AND_YAML = List.of("application/json", "application/yaml");
  private static final List<String> PATCH_TYPES =
      List.of("application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml");

  private final SwaggerDocuments swagger;

  CustomResourceDocuments(SwaggerDocuments swagger) {
    for (String template : List.of(TEMPLATE_ALL_NAMESPACES, TEMPLATE_COLLECTION, TEMPLATE_ITEM)) {
      if (!swagger.swagger().path("paths").path(template).isObject()) {
        throw new IllegalStateException(
            "openapi: custom resources borrow their option parameters from " + template + ", missing in the swagger");
      }
    }
    this.swagger = swagger;
  }

  ObjectNode build(List<CustomResourceSpec> specs) {
    SortedMap<String, JsonNode> v2Paths = new TreeMap<>();
    SortedMap<String, JsonNode> kindSchemas = new TreeMap<>();
    for (CustomResourceSpec spec : specs) {
      addPaths(spec, v2Paths);
      kindSchemas.put(spec.definitionName(), CustomResourceSchemas.kindSchema(spec));
      kindSchemas.put(spec.listDefinitionName(), CustomResourceSchemas.listSchema(spec));
    }
    Set<String> refs = new HashSet<>();
    ObjectNode paths = SwaggerDocuments.NODES.objectNode();
    v2Paths.forEach((path, item) -> paths.set(path, swagger.operations().convertPathItem(item, refs)));
    SortedMap<String, JsonNode> schemas = new TreeMap<>();
    kindSchemas.forEach((name, schema) -> schemas.put(name, SchemaConverter.convert(schema, refs)));
    schemas.putAll(swagger.schemasReachableFrom(refs));

    ObjectNode info = SwaggerDocuments.NODES.objectNode()
        .put("title", "Kubernetes CRD Swagger")
        .put("version", "v0.1.0");
    ObjectNode document = SwaggerDocuments.newDocument(info);
    document.set("paths", paths);
    document.putObject("components").set("schemas", SwaggerDocuments.schemasObject(schemas));
    return document;
  }

  private void addPaths(CustomResourceSpec spec, SortedMap<String, JsonNode> paths) {
    Routes routes = new Routes(spec);
    String root = "/apis/" + spec.group() + "/" + spec.version() + "/" + spec.plural();
    if (spec.namespaced()) {
      // A single route: kube-openapi hoists all its parameters (ListOptions and pretty) to the path.
      ObjectNode allNamespaces = newPathItem(
          (ArrayNode) swagger.swagger().path("paths").path(TEMPLATE_ALL_NAMESPACES).path("parameters"));
      allNamespaces.set("get", routes.operation("list", "list", "", spec.listDefinitionName(), null, SwaggerDocuments.NODES.arrayNode(),
          "list" + spec.kind() + "ForAllNamespaces"));
      paths.put(root, allNamespaces);
      root = "/apis/" + spec.group() + "/" + spec.version() + "/namespaces/{namespace}/" + spec.plural();
    }
    ObjectNode collection = newPathItem(routes.scopeParameters(false));
    collection.set("delete", routes.operation("deletecollection", "deletecollection", "", STATUS, null,
        routes.listParameters(), null));
    collection.set("get", routes.operation("list", "list", "", spec.listDefinitionName(), null,
        routes.listParameters(), null));
    collection.set("post", routes.operation("post", "create", "", spec.definitionName(), spec.definitionName(),
        routes.templateParameters(TEMPLATE_COLLECTION, "post"), null));
    paths.put(root, collection);

    ObjectNode item = newPathItem(routes.scopeParameters(true));
    addItemOperations(routes, item, "", spec.definitionName());
    item.set("delete", routes.operation("delete", "delete", "", STATUS, DELETE_OPTIONS,
        routes.templateParameters(TEMPLATE_ITEM, "delete"), null));
    paths.put(root + "/{name}", item);

    if (spec.statusSubresource()) {
      ObjectNode status = newPathItem(routes.scopeParameters(true));
      addItemOperations(routes, status, "status", spec.definitionName());
      paths.put(root + "/{name}/status", status);
    }
    if (spec.scaleSubresource()) {
      ObjectNode scale = newPathItem(routes.scopeParameters(true));
      addItemOperations(routes, scale, "scale", SCALE);
      paths.put(root + "/{name}/scale", scale);
    }
  }

  private static void addItemOperations(Routes routes, ObjectNode item, String subresource, String sample) {
    item.set("get", routes.operation("get", "read", subresource, sample, null,
        routes.templateParameters(TEMPLATE_ITEM, "get"), null));
    item.set("patch", routes.operation("patch", "patch", subresource, sample, PATCH,
        routes.templateParameters(TEMPLATE_ITEM, "patch"), null));
    item.set("put", routes.operation("put", "replace", subresource, sample, sample,
        routes.templateParameters(TEMPLATE_ITEM, "put"), null));
  }

  private static ObjectNode newPathItem(ArrayNode parameters) {
    ObjectNode item = SwaggerDocuments.NODES.objectNode();
    item.set("parameters", parameters);
    return item;
  }

  /** The v2-shaped operations of one custom resource, converted to v3 together with the built-in paths. */
  private final class Routes {
    private final CustomResourceSpec spec;

    Routes(CustomResourceSpec spec) {
      this.spec = spec;
    }

    /** name (items only), namespace (namespaced only) and pretty, as path-level parameters. */
    ArrayNode scopeParameters(boolean item) {
      ArrayNode parameters = SwaggerDocuments.NODES.arrayNode();
      if (item) {
        parameters.addObject()
            .put("description", "name of the " + spec.kind())
            .put("in", "path")
            .put("name", "name")
            .put("required", true)
            .put("type", "string")
            .put("uniqueItems", true);
      }
      for (JsonNode parameter : swagger.swagger().path("paths").path(TEMPLATE_ITEM).path("parameters")) {
        String ref = parameter.path("$ref").asText();
        boolean isNamespace = ref.startsWith("#/parameters/namespace-");
        if (ref.startsWith("#/parameters/pretty-") || (isNamespace && spec.namespaced())) {
          parameters.add(parameter);
        }
      }
      return parameters;
    }

    /** The ListOptions query parameters, which list and deletecollection share for custom resources. */
    ArrayNode listParameters() {
      return templateParameters(TEMPLATE_COLLECTION, "get");
    }

    ArrayNode templateParameters(String templatePath, String method) {
      ArrayNode parameters = SwaggerDocuments.NODES.arrayNode();
      for (JsonNode parameter : swagger.swagger().path("paths").path(templatePath).path(method).path("parameters")) {
        String ref = parameter.path("$ref").asText();
        if (!parameter.path("name").asText().equals("body") && !ref.startsWith("#/parameters/body-")) {
          parameters.add(parameter);
        }
      }
      return parameters;
    }

    /**
     * One route, as {@code builder.buildRoute} declares it.
     *
     * @param action {@code x-kubernetes-action}
     * @param verb the operation verb (list, create, read, replace, patch, delete, deletecollection)
     * @param body definition read from the request body, or null
     * @param operationName overrides the generated operation name (list for all namespaces)
     */
    ObjectNode operation(String action, String verb, String subresource, String sample, String body,
        JsonNode optionParameters, String operationName) {
      ObjectNode op = SwaggerDocuments.NODES.objectNode();
      ArrayNode consumes = op.putArray("consumes");
      (action.equals("patch") ? PATCH_TYPES : JSON_AND_YAML).forEach(consumes::add);
      op.put("description", description(verb, subresource));
      String name = operationName != null
          ? operationName
          : verb + (spec.namespaced() ? "Namespaced" : "") + spec.kind() + title(subresource);
      op.put("operationId", OperationIds.operationId(name, spec.group(), spec.version()));
      ArrayNode parameters = op.putArray("parameters");
      if (body != null) {
        ObjectNode bodyParameter = parameters.addObject().put("in", "body").put("name", "body");
        if (!action.equals("delete")) {
          bodyParameter.put("required", true);
        }
        bodyParameter.putObject("schema").put("$ref", SchemaConverter.V2_PREFIX + body);
      }
      optionParameters.forEach(parameters::add);
      ArrayNode produces = op.putArray("produces");
      JSON_AND_YAML.forEach(produces::add);
      ObjectNode responses = op.putObject("responses");
      response(responses, "200", "OK", sample);
      if (action.equals("post")) {
        response(responses, "201", "Created", sample);
        response(responses, "202", "Accepted", sample);
      } else if (action.equals("put")) {
        response(responses, "201", "Created", sample);
      } else if (action.equals("delete")) {
        response(responses, "202", "Accepted", sample);
      }
      responses.putObject("401").put("description", "Unauthorized");
      op.putArray("tags").add(OperationIds.tag(spec.group(), spec.version()));
      op.put("x-kubernetes-action", action);
      op.putObject("x-kubernetes-group-version-kind")
          .put("group", spec.group())
          .put("kind", spec.kind())
          .put("version", spec.version());
      return op;
    }

    /** {@code builder.descriptionFor}. */
    private String description(String verb, String subresource) {
      String sub = subresource.isEmpty() ? "" : " " + subresource + " of";
      switch (verb) {
        case "patch":
          return "partially update" + sub + " the specified " + spec.kind();
        case "deletecollection":
          return "delete collection of" + (sub.isEmpty() ? "" : sub + " a") + " " + spec.kind();
        case "list":
          return "list" + sub + " objects of kind " + spec.kind();
        case "read":
        case "replace":
          return verb + sub + " the specified " + spec.kind();
        case "create":
        case "delete":
          return verb + sub + article(spec.kind()) + spec.kind();
        default:
          return verb + sub + spec.kind();
      }
    }
  }

  private static void response(ObjectNode responses, String code, String description, String definition) {
    ObjectNode response = responses.putObject(code).put("description", description);
    response.putObject("schema").put("$ref", SchemaConverter.V2_PREFIX + definition);
  }

  /** {@code endpoints.GetArticleForNoun(noun, " ")}. */
  private static String article(String noun) {
    if (!noun.endsWith("ss") && noun.endsWith("s")) {
      return " ";
    }
    return "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? " an " : " a ";
  }

  private static String title(String word) {
    return word.isEmpty() ? "" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
