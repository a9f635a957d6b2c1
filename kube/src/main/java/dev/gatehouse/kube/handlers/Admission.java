package dev.gatehouse.kube.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.resource.ResourceCatalog;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.kube.server.ResponseSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks between decoding and storage, in kube-apiserver's order: type meta, field validation
 * (Strict/Warn/Ignore), namespace lifecycle, then object validation (metadata + kind-specific).
 */
public final class Admission {
  private final ObjectStorage storage;
  private final Map<String, Strategy> strategies;
  private final ObjectValidation validation;

  public Admission(ObjectStorage storage, Map<String, Strategy> strategies, ObjectValidation validation) {
    this.storage = storage;
    this.strategies = strategies;
    this.validation = validation;
  }

  public Strategy strategy(ResourceType type) {
    if (type.isCustom()) {
      return type.subresource("status").isPresent() ? CUSTOM_WITH_STATUS : CUSTOM;
    }
    return strategies.getOrDefault(type.group() + "/" + type.plural(), Strategy.DEFAULT);
  }

  /** Custom resources track their generation; with a status subresource the main resource keeps status. */
  private static final Strategy CUSTOM = new Strategy() {
    @Override
    public boolean tracksGeneration() {
      return true;
    }
  };
  private static final Strategy CUSTOM_WITH_STATUS =
      new dev.gatehouse.kube.registry.strategies.StatusKeepingStrategy(true);

  /** Fills a missing kind/apiVersion from the URL and rejects a body of another type. */
  public void checkTypeMeta(ResourceContext ctx, ObjectNode object) {
    ResourceType type = ctx.type();
    String kind = object.path("kind").asText("");
    String apiVersion = object.path("apiVersion").asText("");
    if (!kind.isEmpty() && !kind.equals(type.kind()) || !apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      String given = (apiVersion.isEmpty() ? "" : apiVersion + ", ") + "Kind=" + kind;
      throw Errors.badRequest("the object provided is unrecognized (must be of type " + type.kind() + "): "
          + "object kind \"" + given + "\" does not match the expected kind \"" + type.apiVersion() + ", Kind="
          + type.kind() + "\"");
    }
    object.put("kind", type.kind());
    object.put("apiVersion", type.apiVersion());
    if (!object.path("metadata").isMissingNode() && !object.path("metadata").isObject()) {
      throw Errors.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
          + type.kind() + ": json: cannot unmarshal " + jsonType(object.path("metadata"))
          + " into Go struct field " + type.kind() + ".metadata of type v1.ObjectMeta");
    }
  }

  private static String jsonType(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    return "object";
  }

  /** fieldValidation=Strict fails on unknown fields, Warn (the default) adds Warning headers, Ignore drops them. */
  public void validateFields(ResourceContext ctx, ObjectNode object, byte[] rawJson, ResponseSink sink) {
    validation.checkFields(ctx.type(), object, rawJson, ctx.request().queryParam("fieldValidation"), sink);
  }

  /** Namespace lifecycle: the namespace must exist and not be terminating. */
  public void admitCreate(ResourceContext ctx, ObjectNode object) {
    if (!ctx.type().namespaced()) {
      return;
    }
    ResourceCatalog catalog = ctx.cluster().catalog();
    ResourceType namespaces = catalog.find("", "v1", "namespaces").orElseThrow();
    StoredObject ns = storage.get(ctx.clusterName(), namespaces, "", ctx.namespace());
    if (ns == null) {
      throw Errors.notFound("", "namespaces", ctx.namespace());
    }
    if (ns.object().path("metadata").hasNonNull("deletionTimestamp")) {
      throw new StatusException(403, "Forbidden", ctx.type().qualifiedResource() + " \""
          + object.path("metadata").path("name").asText("") + "\" is forbidden: unable to create new content in namespace "
          + ctx.namespace() + " because it is being terminated",
          StatusException.StatusDetails.of(object.path("metadata").path("name").asText(""), ctx.type().group(),
              ctx.type().plural()));
    }
  }

  /** Metadata, schema and kind-specific validation: 422 Invalid with every cause. {@code old} is null on create. */
  public void validate(ResourceContext ctx, ObjectNode object, ObjectNode old) {
    List<Cause> causes = new ArrayList<>(validation.validateObject(ctx.type(), object, old, ctx.info().subresource()));
    causes.addAll(old == null ? strategy(ctx.type()).validate(object) : strategy(ctx.type()).validateUpdate(object, old));
    if (!causes.isEmpty()) {
      throw Errors.invalid(ctx.type().group(), ctx.type().kind(),
          object.path("metadata").path("name").asText(""), causes);
    }
  }
}
