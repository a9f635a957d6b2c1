package dev.gatehouse.kube.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Json;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.audit.AuditPolicy;
import dev.gatehouse.kube.audit.AuditSink;
import dev.gatehouse.kube.audit.Auditor;
import dev.gatehouse.kube.authn.AnonymousAuthenticator;
import dev.gatehouse.kube.authn.Authenticator;
import dev.gatehouse.kube.authn.BearerTokenAuthenticator;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.authn.UnionAuthenticator;
import dev.gatehouse.kube.authz.Authorizer;
import dev.gatehouse.kube.handlers.ResourceContext;
import dev.gatehouse.kube.handlers.ReviewHandler;
import dev.gatehouse.kube.impersonation.Impersonation;
import dev.gatehouse.kube.review.AccessReviews;
import dev.gatehouse.kube.review.TokenReviews;
import dev.gatehouse.kube.authn.x509.X509Authenticator;
import dev.gatehouse.kube.authz.IssuerDiscoveryAuthorizer;
import dev.gatehouse.kube.authz.rbac.AggregationController;
import dev.gatehouse.kube.authz.rbac.ClusterRbac;
import dev.gatehouse.kube.authz.rbac.EscalationGuard;
import dev.gatehouse.kube.authz.rbac.RbacAuthorizer;
import dev.gatehouse.kube.authz.rbac.RbacBootstrap;
import dev.gatehouse.kube.review.SelfSubjectRulesReviews;
import dev.gatehouse.kube.authz.SystemMastersAuthorizer;
import dev.gatehouse.kube.authz.UnionAuthorizer;
import dev.gatehouse.kube.cluster.Clusters;
import dev.gatehouse.kube.controllers.CrdController;
import dev.gatehouse.kube.controllers.NamespaceController;
import dev.gatehouse.kube.handlers.Admission;
import dev.gatehouse.kube.handlers.ObjectResponses;
import dev.gatehouse.kube.handlers.PatchHandler;
import dev.gatehouse.kube.handlers.ReadHandler;
import dev.gatehouse.kube.handlers.ResourceEndpoint;
import dev.gatehouse.kube.handlers.SubresourceHandler;
import dev.gatehouse.kube.handlers.WatchHandler;
import dev.gatehouse.kube.handlers.WriteHandler;
import dev.gatehouse.kube.handlers.WriteWarnings;
import dev.gatehouse.kube.discovery.OpenApiEndpoint;
import dev.gatehouse.kube.discovery.ClusterOpenApi;
import dev.gatehouse.kube.resource.ResourceCatalog;
import dev.gatehouse.kube.pki.ServerPki;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.strategies.ServiceAllocator;
import dev.gatehouse.kube.registry.strategies.Strategies;
import dev.gatehouse.kube.tables.Tables;
import dev.gatehouse.kube.validation.SchemaValidation;
import dev.gatehouse.kube.apply.FieldManagers;
import dev.gatehouse.kube.tables.PrinterColumns;
import dev.gatehouse.kube.authn.tokens.tokenfile.TokenFile;
import dev.gatehouse.kube.serviceaccounts.IssuerDiscovery;
import dev.gatehouse.kube.serviceaccounts.LegacyTokenSecrets;
import dev.gatehouse.kube.serviceaccounts.ServiceAccountIssuers;
import dev.gatehouse.kube.serviceaccounts.TokenFileAuthenticator;
import dev.gatehouse.kube.serviceaccounts.TokenRequests;
import dev.gatehouse.coordination.singleton.Singletons;
import dev.gatehouse.kube.singleton.PerClusterTask;
import dev.gatehouse.kube.singleton.ServiceAccountKeyHousekeeping;
import dev.gatehouse.store.Store;
import java.time.Duration;
import java.nio.file.Path;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Assembles the Kubernetes API server from its parts and runs it; the order of stages lives in {@link KubeApi}. */
public final class KubeApiServer implements AutoCloseable {
  private final Vertx vertx;
  private final ExecutorService workers;
  private final ExecutorService controllers;
  private final ScheduledExecutorService timers;
  private final VertxKubeServer listener;
  private final Clusters clusters;
  private final int port;
  private final ObjectStorage storage;
  private final ClusterRbac rbac;
  private final ServiceAccountIssuers serviceAccounts;
  private final Singletons singletons;
  private final boolean ownsSingletons;
  private volatile String issuerBase;

  private KubeApiServer(Options options) {
    Clock clock = options.clock();
    Store store = options.store();
    this.vertx = Vertx.vertx();
    this.workers = Executors.newFixedThreadPool(options.workerThreads(), named("gatehouse-api"));
    this.controllers = Executors.newSingleThreadExecutor(named("gatehouse-controllers"));
    this.timers = Executors.newSingleThreadScheduledExecutor(named("gatehouse-timers"));
    this.clusters = new Clusters(store);
    for (String name : options.clusters()) {
      clusters.create(name);
    }
    ObjectStorage storage = new ObjectStorage(store, Json.MAPPER);
    this.storage = storage;
    Tables tables = new Tables(new PrinterColumns());
    Extensions extensions = options.extensions();
    ObjectResponses responses = new ObjectResponses(tables, clock, extensions.writeWarnings());
    Admission admission = new Admission(storage, Strategies.builtin(new ServiceAllocator(storage, clock)),
        new SchemaValidation());
    ReadHandler reads = new ReadHandler(storage, responses);
    FieldManagers fieldManagers = new FieldManagers(clock);
    ClusterRbac rbac = new ClusterRbac(storage, clusters);
    this.rbac = rbac;
    List<Authorizer> authorizers = new ArrayList<>(List.of(new SystemMastersAuthorizer(), new RbacAuthorizer(rbac)));
    authorizers.addAll(extensions.authorizersAfterRbac());
    authorizers.add(new IssuerDiscoveryAuthorizer());
    Authorizer authorizer = new UnionAuthorizer(authorizers);
    WriteHandler writes = new WriteHandler(storage, responses, admission, fieldManagers::trackUpdate,
        List.of(new EscalationGuard(rbac, authorizer)), clock);
    PatchHandler patches = new PatchHandler(storage, writes, responses, fieldManagers);
    ServiceAccountIssuers serviceAccounts = new ServiceAccountIssuers(options.pkiDir(), () -> issuerBase,
        storage, clusters, clock);
    this.serviceAccounts = serviceAccounts;
    List<TokenAuthenticator> tokenAuthenticators = new ArrayList<>();
    if (options.tokenFile() != null) {
      tokenAuthenticators.add(new TokenFileAuthenticator(options.tokenFile()));
    }
    tokenAuthenticators.add(serviceAccounts);
    tokenAuthenticators.addAll(options.externalTokens());
    TokenReviews tokenReviews = new TokenReviews(tokenAuthenticators);
    ReviewHandler reviews = new ReviewHandler(admission, new AccessReviews(authorizer), new ReviewHandler.Reviews() {
      @Override
      public ObjectNode tokenReview(ResourceContext ctx, ObjectNode review) {
        return tokenReviews.review(ctx.clusterName(), review);
      }

      @Override
      public ObjectNode selfSubjectRulesReview(ResourceContext ctx, ObjectNode review) {
        return SelfSubjectRulesReviews.review(rbac.policy(ctx.clusterName()), ctx.user(), review);
      }
    });
    ResourceEndpoint resources = new ResourceEndpoint(reads, writes, patches,
        new WatchHandler(storage, tables, clock, timers), new SubresourceHandler(storage, reads, writes, patches,
            new TokenRequests(serviceAccounts, storage, clock)::create),
        reviews);
    ClusterOpenApi openApiDocuments = new ClusterOpenApi(ResourceCatalog.builtin());
    controllers.execute(openApiDocuments::warmUp);
    OpenApiEndpoint openApi = new OpenApiEndpoint(openApiDocuments);
    Router router = new Router(resources, openApi, new IssuerDiscovery(serviceAccounts), version(), () -> true,
        options.host() + ":" + options.port());
    List<Authenticator> authenticators = new ArrayList<>(List.of(new X509Authenticator(clock),
        new BearerTokenAuthenticator(tokenAuthenticators)));
    if (options.anonymousAuth()) {
      authenticators.add(new AnonymousAuthenticator());
    }
    KubeApi api = new KubeApi(clusters, new UnionAuthenticator(authenticators), new Impersonation(authorizer),
        authorizer, new Auditor(options.auditPolicy(), options.auditSink(), clock), router);
    RbacBootstrap rbacBootstrap = new RbacBootstrap(storage, clock);
    clusters.onEachCluster(rbacBootstrap::reconcile);
    this.listener = new VertxKubeServer(vertx, api, workers);
    this.port = listener.start(options.host(), options.port(), options.pki());
    this.issuerBase = options.serviceAccountIssuer() != null ? options.serviceAccountIssuer()
        : "https://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host()) + ":" + port;
    // controllers start once the issuer URL is known (legacy token secrets are signed with it)
    NamespaceController namespaceController = new NamespaceController(storage, clock, controllers);
    clusters.onEachCluster(namespaceController::start);
    CrdController crdController = new CrdController(storage, clock, controllers,
        openApiDocuments::customResourcesChanged);
    clusters.onEachCluster(crdController::start);
    LegacyTokenSecrets tokenSecrets = new LegacyTokenSecrets(storage, serviceAccounts, options.pki().ca().certificate(),
        controllers);
    clusters.onEachCluster(tokenSecrets::start);
    // work that must run on one replica at a time: the store-wide election decides where
    AggregationController aggregation = new AggregationController(storage, rbac, controllers);
    Singletons singletons = options.singletons() != null ? options.singletons() : new Singletons();
    singletons.register(new PerClusterTask("clusterrole aggregation", clusters, aggregation::start));
    singletons.register(new ServiceAccountKeyHousekeeping(store, clock, timers, Duration.ofHours(1)));
    if (options.singletons() == null) {
      singletons.onStartedLeading(); // no election given: this process is the only one
    }
    this.singletons = singletons;
    this.ownsSingletons = options.singletons() == null;
  }

  /**
   * How to run: where to listen, the store, the certificates, the logical clusters to ensure.
   *
   * @param singletons where this server registers its one-replica-at-a-time work (an election starts and stops
   *     it); null when this process is the only one, and the work starts at once
   */
  public record Options(String host, int port, Store store, ServerPki pki, Clock clock, List<String> clusters,
      int workerThreads, boolean anonymousAuth, AuditPolicy auditPolicy, AuditSink auditSink, Path pkiDir,
      String serviceAccountIssuer, TokenFile tokenFile, List<TokenAuthenticator> externalTokens,
      Extensions extensions, Singletons singletons) {
    public Options(String host, int port, Store store, ServerPki pki, Clock clock, List<String> clusters,
        int workerThreads, boolean anonymousAuth, AuditPolicy auditPolicy, AuditSink auditSink, Path pkiDir,
        String serviceAccountIssuer, TokenFile tokenFile, List<TokenAuthenticator> externalTokens,
        Extensions extensions) {
      this(host, port, store, pki, clock, clusters, workerThreads, anonymousAuth, auditPolicy, auditSink, pkiDir,
          serviceAccountIssuer, tokenFile, externalTokens, extensions, null);
    }

    public Options(String host, int port, Store store, ServerPki pki, Clock clock, List<String> clusters,
        int workerThreads, boolean anonymousAuth, AuditPolicy auditPolicy, AuditSink auditSink, Path pkiDir,
        String serviceAccountIssuer, TokenFile tokenFile, List<TokenAuthenticator> externalTokens) {
      this(host, port, store, pki, clock, clusters, workerThreads, anonymousAuth, auditPolicy, auditSink, pkiDir,
          serviceAccountIssuer, tokenFile, externalTokens, Extensions.NONE);
    }
  }

  /**
   * What other parts of Gatehouse add to the Kubernetes side (the EKS access-policy authorizer, the aws-auth
   * ConfigMap's write warnings).
   *
   * @param authorizersAfterRbac consulted when RBAC has no opinion, in order, before the issuer-discovery rule
   */
  public record Extensions(List<Authorizer> authorizersAfterRbac, List<WriteWarnings> writeWarnings) {
    public static final Extensions NONE = new Extensions(List.of(), List.of());

    public Extensions {
      authorizersAfterRbac = List.copyOf(authorizersAfterRbac);
      writeWarnings = List.copyOf(writeWarnings);
    }
  }

  public static KubeApiServer start(Options options) {
    return new KubeApiServer(options);
  }

  public int port() {
    return port;
  }

  public Clusters clusters() {
    return clusters;
  }

  /** Called after every object write this server commits (before the store's watch reports it). */
  public void onObjectWrite(java.util.function.BiConsumer<String, dev.gatehouse.kube.resource.ResourceType> listener) {
    storage.onWrite(listener);
  }

  /** The service-account issuer of the default cluster; another cluster's is this plus its URL prefix. */
  public String issuerBase() {
    return issuerBase;
  }

  static ObjectNode version() {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    v.put("major", "1");
    v.put("minor", "32");
    v.put("gitVersion", "v1.32.4-gatehouse");
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z");
    v.put("goVersion", "go1.23.6");
    v.put("compiler", "gc");
    v.put("platform", "linux/amd64");
    return v;
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    listener.close();
    if (ownsSingletons) {
      singletons.onStoppedLeading();
    }
    rbac.close();
    serviceAccounts.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    workers.shutdownNow();
    controllers.shutdownNow();
    timers.shutdownNow();
  }
}
