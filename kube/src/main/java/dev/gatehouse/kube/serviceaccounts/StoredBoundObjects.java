package dev.gatehouse.kube.serviceaccounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.authn.tokens.serviceaccount.BoundObjects;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Whether the objects a token names still exist, read from the store's current revision (held in memory by the
 * embedded engine), so deleting a service account, pod or secret revokes its tokens at once.
 */
final class StoredBoundObjects implements BoundObjects {
  private final ObjectStorage storage;
  private final LogicalCluster cluster;

  StoredBoundObjects(ObjectStorage storage, LogicalCluster cluster) {
    this.storage = storage;
    this.cluster = cluster;
  }

  @Override
  public Optional<LiveObject> serviceAccount(String namespace, String name) {
    return live("serviceaccounts", namespace, name);
  }

  @Override
  public Optional<LiveObject> pod(String namespace, String name) {
    return live("pods", namespace, name);
  }

  @Override
  public Optional<LiveObject> secret(String namespace, String name) {
    return live("secrets", namespace, name);
  }

  @Override
  public Optional<LiveObject> node(String name) {
    return live("nodes", "", name);
  }

  @Override
  public Optional<TokenSecret> tokenSecret(String namespace, String name) {
    return get("secrets", namespace, name).map(object -> {
      JsonNode metadata = object.path("metadata");
      String token = object.path("data").path("token").asText("");
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(token);
      } catch (IllegalArgumentException e) {
        decoded = new byte[0];
      }
      return new TokenSecret(metadata.path("uid").asText(""), deletion(metadata), decoded,
          metadata.path("labels").path("kubernetes.io/legacy-token-invalid-since").asText(null));
    });
  }

  private Optional<LiveObject> live(String plural, String namespace, String name) {
    return get(plural, namespace, name).map(object -> new LiveObject(object.path("metadata").path("uid").asText(""),
        deletion(object.path("metadata"))));
  }

  private Optional<JsonNode> get(String plural, String namespace, String name) {
    var type = cluster.catalog().find("", "v1", plural).orElseThrow();
    StoredObject stored = storage.get(cluster.name(), type, type.namespaced() ? namespace : "", name);
    return Optional.ofNullable(stored).map(StoredObject::object);
  }

  private static Instant deletion(JsonNode metadata) {
    return metadata.hasNonNull("deletionTimestamp") ? Instant.parse(metadata.path("deletionTimestamp").asText()) : null;
  }
}
