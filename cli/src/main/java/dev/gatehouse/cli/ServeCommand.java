package dev.gatehouse.cli;

import dev.gatehouse.aws.bootstrap.CredentialFiles;
import dev.gatehouse.kube.server.Preload;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
    ServeConfiguration configuration;
    RunningGatehouse running;
    try {
      configuration = ServeConfiguration.read(this);
    } catch (ServeConfiguration.Invalid e) {
      System.err.println("gatehouse: " + e.getMessage());
      return 2;
    }
    times.mark("configuration");
    try {
      running = RunningGatehouse.start(this, configuration, times);
    } catch (ServeConfiguration.Invalid e) {
      System.err.println("gatehouse: " + e.getMessage());
      configuration.auditLog().close();
      return 2;
    }
    times.log();
    printEndpoints(running);
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable shutdown = () -> {
      running.close();
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

  /** What users copy: the endpoints and the export lines for kubectl and the aws CLI. */
  private void printEndpoints(RunningGatehouse running) {
    String url = running.url();
    System.out.println("Gatehouse is serving.");
    System.out.println("  Kubernetes API: " + url);
    running.kube().clusters().all().stream().filter(c -> !c.name().isEmpty())
        .forEach(c -> System.out.println("  cluster " + c.name() + ": " + url + c.urlPrefix()));
    System.out.println("  AWS endpoint (IAM, STS, EKS): " + running.aws().url() + " (account " + awsAccountId
        + ", SigV4 and IAM policies enforced)");
    System.out.println("  data directory: " + dataDir.toAbsolutePath());
    System.out.println("export KUBECONFIG=" + running.kubeconfig());
    CredentialFiles.Paths awsFiles = running.awsFiles();
    if (awsFiles != null) {
      System.out.println("export AWS_CONFIG_FILE=" + awsFiles.config());
      System.out.println("export AWS_SHARED_CREDENTIALS_FILE=" + awsFiles.credentials());
      System.out.println("export AWS_PROFILE=" + CredentialFiles.PROFILE);
      System.out.println("export AWS_ENDPOINT_URL=" + running.aws().url());
      if (awsTls) {
        System.out.println("export AWS_CA_BUNDLE=" + running.caFile());
      }
    }
    System.out.flush();
  }
}
