package dev.gatehouse.kube.serviceaccounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.api.StatusException.Cause;
import dev.gatehouse.kube.authn.tokens.serviceaccount.BoundObject;
import dev.gatehouse.kube.authn.tokens.serviceaccount.BoundObjectReference;
import dev.gatehouse.kube.authn.tokens.serviceaccount.TokenRequest;
import dev.gatehouse.kube.authn.tokens.serviceaccount.TokenRequestOutcome;
import dev.gatehouse.kube.codec.BodyDecoder;
import dev.gatehouse.kube.handlers.ObjectMetadata;
import dev.gatehouse.kube.handlers.ResourceContext;
import dev.gatehouse.kube.proto.GroupVersionKind;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.kube.server.ResponseSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST .../serviceaccounts/<name>/token} (TokenRequest, what {@code kubectl create token} sends): a bound
 * token for the service account, optionally bound to a Pod, Secret or Node that must exist with the given uid.
 */
public final class TokenRequests {
  private static final GroupVersionKind TOKEN_REQUEST = new GroupVersionKind("authentication.k8s.io", "v1",
      "TokenRequest");
  private final ServiceAccountIssuers issuers;
  private final ObjectStorage storage;
  private final Clock clock;

  public TokenRequests(ServiceAccountIssuers issuers, ObjectStorage storage, Clock clock) {
    this.issuers = issuers;
    this.storage = storage;
    this.clock = clock;
  }

  public void create(ResourceContext ctx, ResponseSink sink) {
    if (!ctx.info().verb().equals("create")) {
      throw Errors.methodNotSupported("", "serviceaccounts/token", ctx.info().verb());
    }
    ObjectNode body = BodyDecoder.decodeObject(ctx.request().contentType(), ctx.request().body(), TOKEN_REQUEST);
    StoredObject sa = storage.get(ctx.clusterName(), ctx.type(), ctx.namespace(), ctx.name());
    if (sa == null) {
      throw Errors.notFound("", "serviceaccounts", ctx.name());
    }
    JsonNode spec = body.path("spec");
    TokenRequest request = TokenRequest.forServiceAccount(ctx.namespace(), ctx.name(),
        sa.object().path("metadata").path("uid").asText());
    List<String> audiences = new ArrayList<>();
    spec.path("audiences").forEach(a -> audiences.add(a.asText()));
    if (!audiences.isEmpty()) {
      request = request.withAudiences(audiences);
    }
    if (spec.hasNonNull("expirationSeconds")) {
      request = request.withExpirationSeconds(spec.path("expirationSeconds").asLong());
    }
    JsonNode ref = spec.path("boundObjectRef");
    if (ref.isObject()) {
      BoundObjectReference reference = new BoundObjectReference(ref.path("apiVersion").asText(""),
          ref.path("kind").asText(""), ref.path("name").asText(""), ref.path("uid").asText(""));
      request = request.boundTo(reference, boundObject(ctx, reference));
    }
    TokenRequestOutcome outcome = issuers.issuer(ctx.cluster()).tokens().issue(request);
    if (outcome instanceof TokenRequestOutcome.Issued issued) {
      issued.warnings().forEach(w -> sink.addHeader("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
      sink.send(201, "application/json", Json.bytes(response(ctx, body, request, issued)), Map.of());
      return;
    }
    throw toStatus(outcome);
  }

  private ObjectNode response(ResourceContext ctx, ObjectNode body, TokenRequest request,
      TokenRequestOutcome.Issued issued) {
    ObjectNode out = body.deepCopy();
    out.put("kind", "TokenRequest");
    out.put("apiVersion", "authentication.k8s.io/v1");
    ObjectNode metadata = out.withObject("/metadata");
    metadata.put("name", ctx.name());
    metadata.put("namespace", ctx.namespace());
    metadata.put("creationTimestamp", ObjectMetadata.timestamp(clock.instant()));
    ObjectNode spec = out.withObject("/spec");
    var audiences = spec.putArray("audiences");
    request.audiences().forEach(audiences::add);
    if (audiences.isEmpty()) {
      issuers.issuer(ctx.cluster()).tokens().apiAudiences().forEach(audiences::add);
    }
    if (!spec.hasNonNull("expirationSeconds")) {
      spec.put("expirationSeconds", 3600);
    }
    spec.putNull("boundObjectRef");
    if (body.path("spec").path("boundObjectRef").isObject()) {
      spec.set("boundObjectRef", body.path("spec").path("boundObjectRef"));
    }
    ObjectNode status = out.putObject("status");
    status.put("token", issued.token());
    status.put("expirationTimestamp", ObjectMetadata.timestamp(issued.expirationTimestamp()));
    return out;
  }

  private BoundObject boundObject(ResourceContext ctx, BoundObjectReference reference) {
    var kind = reference.supportedKind().orElseThrow(() -> Errors.badRequest(reference.unsupportedKindMessage()));
    String plural = switch (kind.kind()) {
      case "Pod" -> "pods";
      case "Secret" -> "secrets";
      default -> "nodes";
    };
    ResourceType type = ctx.cluster().catalog().find("", "v1", plural).orElseThrow();
    StoredObject stored = storage.get(ctx.clusterName(), type, type.namespaced() ? ctx.namespace() : "",
        reference.name());
    if (stored == null) {
      throw Errors.notFound("", plural, reference.name());
    }
    JsonNode object = stored.object();
    String uid = object.path("metadata").path("uid").asText();
    return switch (kind.kind()) {
      case "Pod" -> new BoundObject.Pod(reference.name(), uid, object.path("spec").path("serviceAccountName").asText(""),
          podNode(ctx, object.path("spec").path("nodeName").asText("")));
      case "Secret" -> new BoundObject.Secret(reference.name(), uid);
      default -> new BoundObject.Node(reference.name(), uid);
    };
  }

  private BoundObject.Node podNode(ResourceContext ctx, String nodeName) {
    if (nodeName.isEmpty()) {
      return null;
    }
    ResourceType nodes = ctx.cluster().catalog().find("", "v1", "nodes").orElseThrow();
    StoredObject node = storage.get(ctx.clusterName(), nodes, "", nodeName);
    return new BoundObject.Node(nodeName, node == null ? "" : node.object().path("metadata").path("uid").asText(""));
  }

  private static StatusException toStatus(TokenRequestOutcome outcome) {
    if (outcome instanceof TokenRequestOutcome.Invalid invalid) {
      List<Cause> causes = invalid.violations().stream()
          .map(v -> new Cause("FieldValueInvalid", v.causeMessage(), v.field())).toList();
      return Errors.invalid("authentication.k8s.io", "TokenRequest", "", causes);
    }
    if (outcome instanceof TokenRequestOutcome.BadRequest bad) {
      return Errors.badRequest(bad.message());
    }
    if (outcome instanceof TokenRequestOutcome.Conflict conflict) {
      return new StatusException(409, "Conflict", conflict.message(),
          StatusException.StatusDetails.of(conflict.name(), "", conflict.kind()));
    }
    return Errors.internal("unexpected token request outcome");
  }
}
