package dev.gatehouse.store.etcd;

import dev.gatehouse.store.StoreException;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import javax.net.ssl.SSLException;

/** Builds the jetcd client an {@link EtcdStore} runs on. */
final class EtcdClients {
  private EtcdClients() {}

  static Client connect(EtcdStoreOptions options) {
    ClientBuilder builder = Client.builder()
        .endpoints(options.endpoints())
        // gRPC's default 4 MiB cap on a response would fail any list bigger than that; kube-apiserver lifts it too.
        .maxInboundMessageSize(Integer.MAX_VALUE)
        .connectTimeout(options.requestTimeout());
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
