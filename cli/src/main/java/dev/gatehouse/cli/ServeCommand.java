package dev.gatehouse.cli;

import dev.gatehouse.aws.bootstrap.CredentialFiles;
import dev.gatehouse.aws.server.AwsAuditLog;
import dev.gatehouse.aws.server.AwsEndpoint;
import dev.gatehouse.eks.EksIntegration;
import dev.gatehouse.eks.host.DeferredClusterHost;
import dev.gatehouse.kube.pki.Pem;
import dev.gatehouse.aws.server.VertxAwsServer;
import dev.gatehouse.kube.audit.AuditLog;
import dev.gatehouse.kube.audit.AuditPolicy;
import dev.gatehouse.kube.audit.InvalidAuditPolicyException;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.authn.external.ExternalTokenAuthenticators;
import dev.gatehouse.kube.authn.tokens.tokenfile.TokenFile;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration;
import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.oidc.JwtAuthenticators;
import dev.gatehouse.kube.jwt.oidc.JwtOptions;
import dev.gatehouse.kube.jwt.webhook.WebhookOptions;
import dev.gatehouse.kube.jwt.webhook.WebhookTokenAuthenticator;
import dev.gatehouse.kube.pki.ServerPki;
import dev.gatehouse.kube.pki.SharedPki;
import dev.gatehouse.kube.server.KubeApiServer;
import dev.gatehouse.kube.server.Preload;
import dev.gatehouse.kube.server.TlsWarmUp;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.sqlite.SqliteStore;
import dev.gatehouse.store.encryption.UnreadableSecretException;
import dev.gatehouse.coordination.compaction.PeriodicCompactor;
import dev.gatehouse.coordination.election.LeaderElection;
import dev.gatehouse.coordination.singleton.Singletons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: runs every listener on embedded storage until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run Gatehouse: the Kubernetes API (TLS) and the AWS endpoint (IAM, STS) on embedded storage.")
public final class ServeCommand implements Callable<Integer> {
  /** The election every replica sharing a store campaigns in. */
  static final String LEADER_KEY = "/gatehouse/leader/singletons";

  @Option(names = "--data-dir", description = "Directory for the store, certificates and kubeconfigs "
      + "(default: ${DEFAULT-VALUE}).", defaultValue = ".gatehouse")
  Path dataDir;

  @Option(names = "--bind-address", description = "Address every listener binds (default: ${DEFAULT-VALUE}).",
      defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--kube-port", description = "Port of the Kubernetes API (default: ${DEFAULT-VALUE}; 0 picks a"
      + " free port).", defaultValue = "6443")
  int kubePort;

  @Option(names = "--cluster", description = "Also serve the logical cluster NAME at /clusters/NAME (repeatable;"
      + " clusters persist).", paramLabel = "NAME")
  List<String> clusters = new ArrayList<>();

  @Option(names = "--anonymous-auth", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Requests without credentials act as system:anonymous (default: ${DEFAULT-VALUE}); with"
          + " --no-anonymous-auth they are 401 Unauthorized.")
  boolean anonymousAuth;

  @Option(names = "--audit-log-path", paramLabel = "PATH", description = "Audit events (audit.k8s.io/v1 JSON"
      + " lines) go here; '-' for standard output (default: <data-dir>/audit.log).")
  String auditLogPath;

  @Option(names = "--audit-policy-file", paramLabel = "FILE", description = "An audit.k8s.io/v1 Policy (default:"
      + " every request at Metadata level).")
  Path auditPolicyFile;

  @Option(names = "--token-auth-file", paramLabel = "FILE", description = "Static bearer tokens, kube-apiserver's"
      + " CSV format: token,user,uid[,\"group1,group2\"].")
  Path tokenAuthFile;

  @Option(names = "--service-account-issuer", paramLabel = "URL", description = "Issuer (iss) of service-account"
      + " tokens of the default cluster; other clusters append /clusters/<name> (default: the API's URL).")
  String serviceAccountIssuer;

  @Option(names = "--authentication-config", paramLabel = "FILE", description = "JWT/OIDC issuers:"
      + " an apiserver.config.k8s.io AuthenticationConfiguration (v1beta1 or v1alpha1).")
  Path authenticationConfig;

  @Option(names = "--authentication-token-webhook-config-file", paramLabel = "FILE", description = "A kubeconfig"
      + " naming a TokenReview webhook that authenticates bearer tokens no other authenticator knows.")
  Path tokenWebhookConfig;

  @Option(names = "--aws-port", description = "Port of the AWS endpoint: IAM and STS, Query protocol (default:"
      + " ${DEFAULT-VALUE}; 0 picks a free port).", defaultValue = "6480")
  int awsPort;

  @Option(names = "--aws-tls", description = "Serve the AWS endpoint over HTTPS with the Gatehouse CA's serving"
      + " certificate instead of plain HTTP.")
  boolean awsTls;

  @Option(names = "--aws-account-id", paramLabel = "ID", description = "The 12-digit account created on first start"
      + " with its bootstrap administrator (default: ${DEFAULT-VALUE}).", defaultValue = "123456789012")
  String awsAccountId;

  @Option(names = "--aws-extra-account", paramLabel = "ID", description = "Also host account ID (12 digits), with"
      + " its own administrator (profile gatehouse-admin-ID), e.g. for cross-account trust (repeatable).")
  List<String> awsExtraAccounts = new ArrayList<>();

  @Option(names = "--aws-region", description = "Region written into the bootstrap profile (default:"
      + " ${DEFAULT-VALUE}).", defaultValue = "us-east-1")
  String awsRegion;

  @Option(names = "--aws-oidc-ca-file", paramLabel = "FILE", description = "PEM CA certificates trusted (beside"
      + " the JVM's and Gatehouse's own CA) when AssumeRoleWithWebIdentity fetches an OIDC issuer's discovery document and keys.")
  Path awsOidcCaFile;

  @Option(names = "--aws-audit-log-path", paramLabel = "PATH", description = "One JSON line per AWS request"
      + " (CloudTrail-like, with the reason of refused credentials) (default: <data-dir>/aws-audit.log).")
  Path awsAuditLogPath;

  @Mixin
  StoreOptions storeOptions = new StoreOptions();

  @Option(names = "--leader-lease-duration", paramLabel = "DURATION", defaultValue = "15s",
      converter = DurationConverter.class, description = "Replicas elect one of them to run the singleton work"
      + " (ClusterRole aggregation, etcd compaction, key housekeeping); a dead leader is replaced after this long"
      + " (default: ${DEFAULT-VALUE}).")
  Duration leaderLeaseDuration;

  @Option(names = "--etcd-compaction-interval", paramLabel = "DURATION", defaultValue = "5m",
      converter = DurationConverter.class, description = "With --store etcd://: the leader compacts etcd's history"
      + " at this interval, keeping at least one interval (default: ${DEFAULT-VALUE}).")
  Duration etcdCompactionInterval;

  @Option(names = "--worker-threads", description = "Threads serving API requests (default: ${DEFAULT-VALUE}).",
      defaultValue = "64")
  int workerThreads;

  private volatile Runnable stopper;

  @Override
  public Integer call() throws Exception {
    StartupTimes times = new StartupTimes();
    if (storeOptions.embedded()) {
      SqliteStore.preloadDriverInBackground(); // while the options below are read
    }
    Preload.startInBackground(); // parses the fixed tables while the store loads
    Files.createDirectories(dataDir);
    Path data = dataDir.toAbsolutePath();
    Clock clock = Clock.systemUTC();
    AuditPolicy auditPolicy = AuditPolicy.defaultPolicy();
    if (auditPolicyFile != null) {
      try {
        auditPolicy = AuditPolicy.parse(Files.readString(auditPolicyFile));
      } catch (InvalidAuditPolicyException e) {
        System.err.println("gatehouse: " + e.getMessage() + ": from file " + auditPolicyFile);
        return 2;
      }
    }
    AuditLog auditLog = auditLogPath != null && auditLogPath.equals("-")
        ? AuditLog.toStream(System.out, AuditLog.Settings.DEFAULT)
        : AuditLog.open(auditLogPath == null ? data.resolve("audit.log") : Path.of(auditLogPath));
    TokenFile tokenFile = null;
    if (tokenAuthFile != null) {
      var read = TokenFile.read(tokenAuthFile.toString(), Files.readString(tokenAuthFile));
      if (read instanceof TokenFile.Invalid invalid) {
        System.err.println("gatehouse: " + invalid.error().message());
        return 2;
      }
      tokenFile = ((TokenFile.Loaded) read).file();
    }
    List<TokenAuthenticator> externalTokens = new ArrayList<>();
    if (authenticationConfig != null) {
      try {
        var config = AuthenticationConfiguration.parse(Files.readString(authenticationConfig));
        JwtAuthenticators jwt = JwtAuthenticators.create(config, JwtOptions.defaults());
        jwt.start();
        externalTokens.add(ExternalTokenAuthenticators.jwt(jwt));
      } catch (ConfigurationException e) {
        System.err.println("gatehouse: " + e.getMessage() + ": from file " + authenticationConfig);
        return 2;
      }
    }
    if (tokenWebhookConfig != null) {
      externalTokens.add(ExternalTokenAuthenticators.webhook(
          WebhookTokenAuthenticator.fromKubeconfigFile(tokenWebhookConfig, WebhookOptions.defaults())));
    }
    for (String id : concat(awsAccountId, awsExtraAccounts)) {
      if (!id.matches("\\d{12}")) {
        System.err.println("gatehouse: an AWS account id must be 12 digits, got " + id);
        return 2;
      }
    }
    times.mark("configuration");
    StoreOptions.Opened opened = storeOptions.open(data);
    if (opened instanceof StoreOptions.Opened.Failed failed) {
      System.err.println("gatehouse: " + failed.message());
      return 2;
    }
    Store store = ((StoreOptions.Opened.Ok) opened).store();
    if (!storeOptions.embedded() && serviceAccountIssuer == null) {
      System.err.println("gatehouse: warning: replicas sharing a store need one --service-account-issuer (the"
          + " address clients reach them by); without it this replica signs service-account tokens with its own"
          + " URL and rejects other replicas' tokens");
    }
    ServerPki pki;
    try {
      pki = SharedPki.load(store, data.resolve("pki"), clock);
    } catch (UnreadableSecretException e) {
      System.err.println("gatehouse: " + e.getMessage());
      store.close();
      return 2;
    }
    TlsWarmUp.start(pki); // overlaps the rest of start-up, so the first client does not pay for it
    times.mark("store");
    // The AWS endpoint starts first: the Kubernetes side authenticates k8s-aws-v1 tokens against its state.
    DeferredClusterHost clusterHost = EksIntegration.newClusterHost();
    AwsAuditLog awsAudit = AwsAuditLog.open(awsAuditLogPath == null ? data.resolve("aws-audit.log") : awsAuditLogPath);
    AwsEndpoint aws = AwsEndpoint.start(new AwsEndpoint.Options(host, awsPort, store, clock, awsAccountId,
        awsTls ? new VertxAwsServer.Tls(pki.serving().certificatePem(), pki.serving().keyPem()) : null,
        workerThreads, awsRegion, oidcTrust(data, awsOidcCaFile), awsExtraAccounts, awsAudit, clusterHost));
    times.mark("aws");
    EksIntegration eks = EksIntegration.create(clusterHost, store, aws.state(), aws.credentials(), aws.url(), awsRegion,
        clock);
    externalTokens.add(0, eks.tokenAuthenticator());
    Singletons singletons = new Singletons();
    if (!storeOptions.embedded()) {
      singletons.register(new PeriodicCompactor(store, etcdCompactionInterval, null)); // SQLite compacts itself
    }
    KubeApiServer server = KubeApiServer.start(new KubeApiServer.Options(host, kubePort, store, pki, clock, clusters,
        workerThreads, anonymousAuth, auditPolicy, auditLog, data.resolve("pki"), serviceAccountIssuer, tokenFile,
        externalTokens, eks.kubeExtensions(), singletons));
    String url = "https://" + hostForUrl(host) + ":" + server.port();
    eks.attach(server, url, Pem.encode(pki.ca().certificate()));
    String identity = replicaIdentity();
    LeaderElection election = LeaderElection.start(store, LEADER_KEY, identity, leaderLeaseDuration,
        new LeadershipLog(identity, singletons));
    times.mark("kubernetes");
    Path kubeconfig = Kubeconfigs.writeAdmin(data, pki, url, server.clusters());
    // clusters created later (aws eks create-cluster) get their admin context too
    server.clusters().onEachCluster(created -> Kubeconfigs.rewriteAdmin(data, pki, url, server.clusters()));
    CredentialFiles.Paths awsFiles = aws.admin().isEmpty() ? null
        : CredentialFiles.write(data, aws.admin().get(), aws.extraAdmins(), aws.url(), awsRegion);
    Path caFile = data.resolve("pki").resolve("ca.crt");
    new Endpoints(url, aws.url(), awsTls ? caFile.toString() : null, awsRegion).write(data);
    times.mark("files");
    times.log();
    System.out.println("Gatehouse is serving.");
    System.out.println("  Kubernetes API: " + url);
    server.clusters().all().stream().filter(c -> !c.name().isEmpty())
        .forEach(c -> System.out.println("  cluster " + c.name() + ": " + url + c.urlPrefix()));
    System.out.println("  AWS endpoint (IAM, STS, EKS): " + aws.url() + " (account " + awsAccountId
        + ", SigV4 and IAM policies enforced)");
    System.out.println("  data directory: " + data);
    System.out.println("export KUBECONFIG=" + kubeconfig);
    if (awsFiles != null) {
      System.out.println("export AWS_CONFIG_FILE=" + awsFiles.config());
      System.out.println("export AWS_SHARED_CREDENTIALS_FILE=" + awsFiles.credentials());
      System.out.println("export AWS_PROFILE=" + CredentialFiles.PROFILE);
      System.out.println("export AWS_ENDPOINT_URL=" + aws.url());
      if (awsTls) {
        System.out.println("export AWS_CA_BUNDLE=" + caFile);
      }
    }
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable shutdown = () -> {
      if (stopping.compareAndSet(false, true)) {
        election.close(); // resign first: another replica takes the singleton work over at once
        aws.close();
        awsAudit.close();
        server.close();
        eks.close();
        store.close();
        auditLog.close();
      }
      stopped.countDown();
    };
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "gatehouse-shutdown"));
    stopper = shutdown;
    stopped.await();
    return 0;
  }

  /** Stops a serve running in this process (as on SIGTERM) and returns once it has; for {@code self-check}. */
  void stop() {
    Runnable shutdown = stopper;
    if (shutdown != null) {
      shutdown.run();
    }
  }

  /**
   * OIDC issuers Gatehouse trusts for AssumeRoleWithWebIdentity: its own CA always (its clusters are issuers
   * of service-account tokens, as an EKS cluster's is for IRSA), plus the given file.
   */
  private static List<Path> oidcTrust(Path data, Path extra) {
    List<Path> bundles = new ArrayList<>(List.of(data.resolve("pki").resolve("ca.crt")));
    if (extra != null) {
      bundles.add(extra);
    }
    return bundles;
  }

  /** Host name and a random suffix, as kube components name themselves in leader elections. */
  private static String replicaIdentity() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "gatehouse";
    }
    return host + "_" + java.util.UUID.randomUUID();
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
