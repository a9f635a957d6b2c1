package dev.gatehouse.aws.server;

import dev.gatehouse.aws.bootstrap.AccountBootstrap;
import dev.gatehouse.aws.eks.ClusterHost;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gatehouse's AWS endpoint assembled: the mirrored state, the bootstrap account, the policy engine, the IAM,
 * STS and EKS operations, and the HTTP listener. The stages' order is in {@link AwsApi}.
 */
public final class AwsEndpoint implements AutoCloseable {
  /**
   * @param tls null for plain HTTP (the default, like most local AWS endpoints)
   * @param region the region written into the bootstrap profile and assumed for unsigned requests
   * @param clusterHost where EKS clusters become Kubernetes clusters; null serves no EKS operation
   */
  public record Options(String host, int port, Store store, Clock clock, String accountId, VertxAwsServer.Tls tls,
      int workerThreads, String region, List<java.nio.file.Path> oidcCaBundles, List<String> extraAccounts, AwsAuditLog audit,
      ClusterHost clusterHost) {
    /** Options without EKS (the component list before EKS existed). */
    public Options(String host, int port, Store store, Clock clock, String accountId, VertxAwsServer.Tls tls,
        int workerThreads, String region, List<java.nio.file.Path> oidcCaBundles, List<String> extraAccounts,
        AwsAuditLog audit) {
      this(host, port, store, clock, accountId, tls, workerThreads, region, oidcCaBundles, extraAccounts, audit, null);
    }
  }

  private final Vertx vertx;
  private final ExecutorService workers;
  private final VertxAwsServer server;
  private final AwsState state;
  private final dev.gatehouse.aws.auth.CredentialResolver credentials;
  private final int port;
  private final String url;
  private final Optional<AccountBootstrap.AdminKey> admin;
  private final Map<String, AccountBootstrap.AdminKey> extraAdmins = new LinkedHashMap<>();

  private AwsEndpoint(Options o) {
    state = AwsState.open(o.store());
    AwsAssembly assembly = AwsAssembly.assemble(state, o.clock(), o.accountId(), o.region(), o.oidcCaBundles(), o.audit(),
        o.clusterHost());
    admin = assembly.admin();
    credentials = new dev.gatehouse.aws.auth.CredentialResolver(state, assembly::tokens);
    for (String id : o.extraAccounts()) {
      AccountBootstrap.ensureAccount(state, id, o.clock().instant()).ifPresent(k -> extraAdmins.put(id, k));
    }
    AwsHandler api = assembly.handler();
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors())));
    AtomicInteger n = new AtomicInteger();
    workers = new ThreadPoolExecutor(o.workerThreads(), o.workerThreads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(10_000), r -> {
          Thread t = new Thread(r, "aws-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    server = new VertxAwsServer(vertx, api, workers);
    port = server.start(o.host(), o.port(), o.tls());
    String host = o.host().contains(":") ? "[" + o.host() + "]" : o.host();
    url = (o.tls() == null ? "http://" : "https://") + host + ":" + port;
  }

  public static AwsEndpoint start(Options options) {
    return new AwsEndpoint(options);
  }

  /** The mirrored AWS state (IAM, EKS), for the Kubernetes side's EKS authenticator and authorizer. */
  public AwsState state() {
    return state;
  }

  /** Resolves access keys and session tokens exactly as this endpoint's SigV4 verification does. */
  public dev.gatehouse.aws.auth.CredentialResolver credentials() {
    return credentials;
  }

  public int port() {
    return port;
  }

  public String url() {
    return url;
  }

  /** The administrators of the further accounts (for cross-account trust), by account id. */
  public Map<String, AccountBootstrap.AdminKey> extraAdmins() {
    return extraAdmins;
  }

  /** The bootstrap administrator's active key, if it still has one. */
  public Optional<AccountBootstrap.AdminKey> admin() {
    return admin;
  }

  @Override
  public void close() {
    server.close();
    workers.shutdown();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    state.close();
  }
}
