package dev.gatehouse.kube.serviceaccounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.authn.tokens.serviceaccount.LegacyTokenIssuer;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.pki.Pem;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token controller for legacy {@code kubernetes.io/service-account-token} Secrets: a Secret of that type
 * naming a service account (annotation {@code kubernetes.io/service-account.name}) gets a non-expiring token,
 * the cluster CA and the namespace in its data, and the account's uid annotation, as kube-controller-manager
 * fills them. The token is valid while the Secret and the service account exist.
 */
public final class LegacyTokenSecrets {
  static final String TYPE = "kubernetes.io/service-account-token";
  static final String NAME_ANNOTATION = "kubernetes.io/service-account.name";
  static final String UID_ANNOTATION = "kubernetes.io/service-account.uid";
  private static final Logger LOG = LoggerFactory.getLogger(LegacyTokenSecrets.class);

  private final ObjectStorage storage;
  private final ServiceAccountIssuers issuers;
  private final X509Certificate ca;
  private final ExecutorService executor;

  public LegacyTokenSecrets(ObjectStorage storage, ServiceAccountIssuers issuers, X509Certificate ca,
      ExecutorService executor) {
    this.storage = storage;
    this.issuers = issuers;
    this.ca = ca;
    this.executor = executor;
  }

  public void start(LogicalCluster cluster) {
    ResourceType secrets = cluster.catalog().find("", "v1", "secrets").orElseThrow();
    String prefix = StorageKeys.typePrefix(cluster.name(), secrets);
    var existing = storage.store().range(RangeRequest.prefix(prefix));
    for (KeyValue kv : existing.kvs()) {
      executor.execute(() -> reconcile(cluster, secrets, kv));
    }
    storage.store().watch(prefix, existing.revision(), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        for (WatchEvent event : events) {
          if (event.type() == WatchEvent.Type.PUT) {
            executor.execute(() -> reconcile(cluster, secrets, event.kv()));
          }
        }
      }
    });
  }

  private void reconcile(LogicalCluster cluster, ResourceType secrets, KeyValue kv) {
    try {
      StoredObject stored = storage.decode(kv);
      JsonNode secret = stored.object();
      if (!TYPE.equals(secret.path("type").asText()) || !secret.path("data").path("token").asText("").isEmpty()) {
        return;
      }
      String namespace = secret.path("metadata").path("namespace").asText();
      String name = secret.path("metadata").path("name").asText();
      String account = secret.path("metadata").path("annotations").path(NAME_ANNOTATION).asText("");
      ResourceType serviceAccounts = cluster.catalog().find("", "v1", "serviceaccounts").orElseThrow();
      StoredObject sa = account.isEmpty() ? null : storage.get(cluster.name(), serviceAccounts, namespace, account);
      if (sa == null) {
        return; // nothing to sign for; the Secret stays without a token, as upstream leaves it
      }
      String uid = sa.object().path("metadata").path("uid").asText();
      String token = new LegacyTokenIssuer(issuers.issuer(cluster).keys()).issue(namespace, account, uid, name);
      ObjectNode updated = secret.deepCopy();
      ObjectNode data = updated.withObject("/data");
      data.put("token", b64(token));
      data.put("ca.crt", b64(Pem.encode(ca)));
      data.put("namespace", b64(namespace));
      updated.withObject("/metadata").withObject("/annotations").put(UID_ANNOTATION, uid);
      storage.update(cluster.name(), secrets, updated, stored.modRevision());
    } catch (RuntimeException e) {
      LOG.debug("legacy token secret changed while being filled; the next event retries", e);
    }
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
