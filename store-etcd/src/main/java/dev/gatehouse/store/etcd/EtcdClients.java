package dev.gatehouse.store.etcd;

import dev.gatehouse.store.StoreException;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Builds the jetcd client an {@link EtcdStore} runs on. jetcd balances calls round-robin over the members that
 * are connected, so when one dies the calls in flight on it fail and later ones go to the others. Its retries
 * stay as jetcd sets them: reads are retried on UNAVAILABLE, transactions are not (a retried txn could apply
 * twice), and calls wait for a connected member (waitForReady) under the store's request timeout.
 */
final class EtcdClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private EtcdClients() {}

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static Client connect(EtcdStoreOptions options) {
    ClientBuilder builder = Client.builder()
        .endpoints(options.endpoints())
        // gRPC's default 4 MiB cap on a response would fail any list bigger than that; kube-apiserver lifts it too.
        .maxInboundMessageSize(Integer.MAX_VALUE)
        // A member that does not accept a TCP connection within seconds is down; round-robin keeps sending to
        // the others meanwhile, and gRPC keeps trying to reconnect in the background.
        .connectTimeout(min(CONNECT_TIMEOUT, options.requestTimeout()))
        // Keepalive finds a connection to a member that vanished without closing it (host down, partition),
        // which a SIGKILLed member's closed socket shows at once. 10 s is gRPC Java's floor and above etcd's
        // 5 s --grpc-keepalive-min-time; pings only while calls run (the store always has its revision
        // watch open), as etcd counts pings on an idle connection as abuse and would close it.
        .keepaliveTime(Duration.ofSeconds(10))
        .keepaliveTimeout(Duration.ofSeconds(5))
        .keepaliveWithoutCalls(false);
    if (options.usesTls()) {
      EtcdStoreOptions.Tls tls = options.tls() == null ? new EtcdStoreOptions.Tls(null, null, null) : options.tls();
      try {
        builder.sslContext(ssl -> {
          if (tls.caFile() != null) {
            ssl.trustManager(tls.caFile().toFile());
          }
          if (tls.certFile() != null) {
            ssl.keyManager(tls.certFile().toFile(), tls.keyFile().toFile());
          }
        });
      } catch (SSLException | IllegalArgumentException e) {
        throw new StoreException("etcd store: cannot set up TLS from " + tls + ": " + e.getMessage(), e);
      }
    }
    return builder.build();
  }
}
