package dev.gatehouse.store.etcd;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach etcd and how the store uses it.
 *
 * @param endpoints          client URLs of the etcd members ({@code http://host:port} or {@code https://...});
 *                           jetcd balances over them and moves to another when one fails
 * @param keyPrefix          prepended to every key, so several Gatehouse installations (or tests) can share one
 *                           etcd; "" for none. Revisions stay etcd's, shared by all prefixes.
 * @param tls                client TLS settings, or null for plain http
 * @param requestTimeout     how long one request may take before its future fails (also bounds open())
 * @param watchQueueCapacity events a watch may fall behind by before the store closes it
 */
public record EtcdStoreOptions(List<URI> endpoints, String keyPrefix, Tls tls, Duration requestTimeout,
                               int watchQueueCapacity) {
  /**
   * Client TLS: {@code caFile} (PEM) is trusted for the server certificate (null: the JVM's default trust),
   * {@code certFile} and {@code keyFile} (PEM; the key in PKCS#8, or PKCS#1 when BouncyCastle is on the class
   * path) are presented when etcd runs with {@code --client-cert-auth}; both null for none.
   */
  public record Tls(Path caFile, Path certFile, Path keyFile) {
    public Tls {
      if ((certFile == null) != (keyFile == null)) {
        throw new IllegalArgumentException("etcd store: a client certificate needs its key and the key its certificate");
      }
    }
  }

  public EtcdStoreOptions {
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("etcd store: at least one endpoint is needed");
    }
    for (URI endpoint : endpoints) {
      String scheme = endpoint.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null || endpoint.getPort() < 0) {
        throw new IllegalArgumentException("etcd store: endpoint must be http(s)://host:port, got " + endpoint);
      }
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("etcd store: requestTimeout must be positive");
    }
    if (watchQueueCapacity < 1) {
      throw new IllegalArgumentException("etcd store: watchQueueCapacity must be at least 1");
    }
  }

  /** Plain-http endpoints such as {@code http://127.0.0.1:2379}, no key prefix, 30 s requests. */
  public static EtcdStoreOptions of(String... endpoints) {
    return new EtcdStoreOptions(java.util.Arrays.stream(endpoints).map(URI::create).toList(), "", null,
        Duration.ofSeconds(30), 10_000);
  }

  /**
   * Parses a store address as {@code gatehouse serve --store} takes it:
   * {@code etcd://host[:port][,host[:port]...][/key/prefix][?cacert=FILE&cert=FILE&key=FILE&timeout=30s]}.
   * {@code etcds://} or any TLS parameter switches the endpoints to https; the port defaults to 2379.
   */
  public static EtcdStoreOptions parse(String address) {
    return StoreAddress.parse(address);
  }

  /** Whether the endpoints are reached over TLS (a {@link Tls} is given or an endpoint says https). */
  public boolean usesTls() {
    return tls != null || endpoints.stream().anyMatch(e -> "https".equals(e.getScheme()));
  }

  public EtcdStoreOptions withKeyPrefix(String prefix) {
    return new EtcdStoreOptions(endpoints, prefix, tls, requestTimeout, watchQueueCapacity);
  }

  public EtcdStoreOptions withTls(Tls newTls) {
    return new EtcdStoreOptions(endpoints, keyPrefix, newTls, requestTimeout, watchQueueCapacity);
  }

  public EtcdStoreOptions withRequestTimeout(Duration timeout) {
    return new EtcdStoreOptions(endpoints, keyPrefix, tls, timeout, watchQueueCapacity);
  }

  public EtcdStoreOptions withWatchQueueCapacity(int capacity) {
    return new EtcdStoreOptions(endpoints, keyPrefix, tls, requestTimeout, capacity);
  }
}
