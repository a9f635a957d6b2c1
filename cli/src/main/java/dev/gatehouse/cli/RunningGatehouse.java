package dev.gatehouse.cli;

import dev.gatehouse.aws.bootstrap.CredentialFiles;
import dev.gatehouse.aws.server.AwsAuditLog;
import dev.gatehouse.aws.server.AwsEndpoint;
import dev.gatehouse.aws.server.VertxAwsServer;
import dev.gatehouse.coordination.compaction.PeriodicCompactor;
import dev.gatehouse.coordination.election.LeaderElection;
import dev.gatehouse.coordination.singleton.Singletons;
import dev.gatehouse.eks.EksIntegration;
import dev.gatehouse.eks.host.DeferredClusterHost;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.pki.Pem;
import dev.gatehouse.kube.pki.ServerPki;
import dev.gatehouse.kube.pki.SharedPki;
import dev.gatehouse.kube.server.KubeApiServer;
import dev.gatehouse.kube.server.TlsWarmUp;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.encryption.UnreadableSecretException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything {@code serve} runs, opened in this order: the store → the PKI shared through it → the AWS endpoint
 * (the Kubernetes side authenticates k8s-aws-v1 tokens against its state) → the EKS glue → the Kubernetes API →
 * the leader election for singleton work → the files clients read (kubeconfig, AWS profile, endpoints.json).
 * {@link #close} stops it, resigning leadership first.
 */
final class RunningGatehouse implements AutoCloseable {
  private final Store store;
  private final ServeConfiguration configuration;
  private final AwsEndpoint aws;
  private final AwsAuditLog awsAudit;
  private final EksIntegration eks;
  private final KubeApiServer server;
  private final LeaderElection election;
  private final String url;
  private final Path kubeconfig;
  private final CredentialFiles.Paths awsFiles;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RunningGatehouse(Store store, ServeConfiguration configuration, AwsEndpoint aws, AwsAuditLog awsAudit,
                           EksIntegration eks, KubeApiServer server, LeaderElection election, String url,
                           Path kubeconfig, CredentialFiles.Paths awsFiles) {
    this.store = store;
    this.configuration = configuration;
    this.aws = aws;
    this.awsAudit = awsAudit;
    this.eks = eks;
    this.server = server;
    this.election = election;
    this.url = url;
    this.kubeconfig = kubeconfig;
    this.awsFiles = awsFiles;
  }

  static RunningGatehouse start(ServeCommand flags, ServeConfiguration configuration, StartupTimes times)
      throws ServeConfiguration.Invalid, IOException {
    Path data = configuration.data();
    Clock clock = Clock.systemUTC();
    StoreOptions.Opened opened = flags.storeOptions.open(data);
    if (opened instanceof StoreOptions.Opened.Failed failed) {
      throw new ServeConfiguration.Invalid(failed.message());
    }
    Store store = ((StoreOptions.Opened.Ok) opened).store();
    if (!flags.storeOptions.embedded() && flags.serviceAccountIssuer == null) {
      System.err.println("gatehouse: warning: replicas sharing a store need one --service-account-issuer (the"
          + " address clients reach them by); without it this replica signs service-account tokens with its own"
          + " URL and rejects other replicas' tokens");
    }
    ServerPki pki;
    try {
      pki = SharedPki.load(store, data.resolve("pki"), clock);
    } catch (UnreadableSecretException e) {
      store.close();
      throw new ServeConfiguration.Invalid(e.getMessage());
    }
    TlsWarmUp.start(pki); // overlaps the rest of start-up, so the first client does not pay for it
    times.mark("store");

    DeferredClusterHost clusterHost = EksIntegration.newClusterHost();
    AwsAuditLog awsAudit = AwsAuditLog.open(flags.awsAuditLogPath == null ? data.resolve("aws-audit.log")
        : flags.awsAuditLogPath);
    AwsEndpoint aws = AwsEndpoint.start(new AwsEndpoint.Options(flags.host, flags.awsPort, store, clock,
        flags.awsAccountId,
        flags.awsTls ? new VertxAwsServer.Tls(pki.serving().certificatePem(), pki.serving().keyPem()) : null,
        flags.workerThreads, flags.awsRegion, oidcTrust(data, flags.awsOidcCaFile), flags.awsExtraAccounts, awsAudit,
        clusterHost));
    times.mark("aws");

    EksIntegration eks = EksIntegration.create(clusterHost, store, aws.state(), aws.credentials(), aws.url(),
        flags.awsRegion, clock);
    List<TokenAuthenticator> tokens = new ArrayList<>(configuration.externalTokens());
    tokens.add(0, eks.tokenAuthenticator());
    Singletons singletons = new Singletons();
    if (!flags.storeOptions.embedded()) {
      singletons.register(new PeriodicCompactor(store, flags.etcdCompactionInterval, null)); // SQLite compacts itself
    }
    KubeApiServer server = KubeApiServer.start(new KubeApiServer.Options(flags.host, flags.kubePort, store, pki,
        clock, flags.clusters, flags.workerThreads, flags.anonymousAuth, configuration.auditPolicy(),
        configuration.auditLog(), data.resolve("pki"), flags.serviceAccountIssuer, configuration.tokenFile(), tokens,
        eks.kubeExtensions(), singletons));
    String url = "https://" + hostForUrl(flags.host) + ":" + server.port();
    eks.attach(server, url, Pem.encode(pki.ca().certificate()));
    String identity = replicaIdentity();
    LeaderElection election = LeaderElection.start(store, ServeCommand.LEADER_KEY, identity,
        flags.leaderLeaseDuration, new LeadershipLog(identity, singletons));
    times.mark("kubernetes");

    Path kubeconfig = Kubeconfigs.writeAdmin(data, pki, url, server.clusters());
    // clusters created later (aws eks create-cluster) get their admin context too
    server.clusters().onEachCluster(created -> Kubeconfigs.rewriteAdmin(data, pki, url, server.clusters()));
    CredentialFiles.Paths awsFiles = aws.admin().isEmpty() ? null
        : CredentialFiles.write(data, aws.admin().get(), aws.extraAdmins(), aws.url(), flags.awsRegion);
    new Endpoints(url, aws.url(), flags.awsTls ? caFile(data).toString() : null, flags.awsRegion).write(data);
    times.mark("files");
    return new RunningGatehouse(store, configuration, aws, awsAudit, eks, server, election, url, kubeconfig,
        awsFiles);
  }

  /** The Kubernetes API's base URL. */
  String url() {
    return url;
  }

  KubeApiServer kube() {
    return server;
  }

  AwsEndpoint aws() {
    return aws;
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** The AWS profile files written for the account's admin, or null when the account has no admin key. */
  CredentialFiles.Paths awsFiles() {
    return awsFiles;
  }

  Path caFile() {
    return caFile(configuration.data());
  }

  /** Stops everything once; later calls return at once. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      election.close(); // resign first: another replica takes the singleton work over at once
      aws.close();
      awsAudit.close();
      server.close();
      eks.close();
      store.close();
      configuration.auditLog().close();
    }
  }

  private static Path caFile(Path data) {
    return data.resolve("pki").resolve("ca.crt");
  }

  /**
   * OIDC issuers Gatehouse trusts for AssumeRoleWithWebIdentity: its own CA always (its clusters are issuers
   * of service-account tokens, as an EKS cluster's is for IRSA), plus the given file.
   */
  private static List<Path> oidcTrust(Path data, Path extra) {
    List<Path> bundles = new ArrayList<>(List.of(caFile(data)));
    if (extra != null) {
      bundles.add(extra);
    }
    return bundles;
  }

  /** Host name and a random suffix, as kube components name themselves in leader elections. */
  private static String replicaIdentity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "gatehouse";
    }
    return host + "_" + UUID.randomUUID();
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
