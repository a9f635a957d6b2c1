package dev.gatehouse.eks;

import dev.gatehouse.aws.auth.CredentialResolver;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.eks.authz.AccessPolicies;
import dev.gatehouse.eks.authz.AccessPolicyAuthorizer;
import dev.gatehouse.eks.host.DeferredClusterHost;
import dev.gatehouse.eks.host.LogicalClusterHost;
import dev.gatehouse.eks.mapping.AwsAuthConfig;
import dev.gatehouse.eks.mapping.AwsAuthMappings;
import dev.gatehouse.eks.mapping.EksDirectory;
import dev.gatehouse.eks.mapping.IdentityMapper;
import dev.gatehouse.eks.token.K8sAwsTokenVerifier;
import dev.gatehouse.eks.token.StsHosts;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.handlers.WriteWarnings;
import dev.gatehouse.kube.server.KubeApiServer;
import dev.gatehouse.store.Store;
import java.time.Clock;
import java.util.List;

/**
 * The EKS identity chain wired between Gatehouse's two sides, in the order a request meets it:
 * {@code k8s-aws-v1} token → presigned GetCallerIdentity verified against the AWS state → identity mapped by
 * access entries / the cluster creator / aws-auth → RBAC, then the access-policy authorizer. Start-up order:
 * {@link #clusterHost()} goes to the AWS endpoint, {@link #tokenAuthenticator()} and {@link #kubeExtensions()}
 * to the Kubernetes listener, then {@link #attach} binds the two once both are up.
 */
public final class EksIntegration implements AutoCloseable {
  private final DeferredClusterHost clusterHost;
  private final AwsAuthMappings awsAuth;
  private final EksTokenAuthenticator authenticator;
  private final AccessPolicyAuthorizer authorizer;

  private EksIntegration(DeferredClusterHost clusterHost, AwsAuthMappings awsAuth, EksTokenAuthenticator authenticator,
      AccessPolicyAuthorizer authorizer) {
    this.clusterHost = clusterHost;
    this.awsAuth = awsAuth;
    this.authenticator = authenticator;
    this.authorizer = authorizer;
  }

  /** The host to give the AWS endpoint before either listener starts; bound by {@link #attach}. */
  public static DeferredClusterHost newClusterHost() {
    return new DeferredClusterHost();
  }

  /**
   * @param awsEndpointUrl the AWS endpoint as clients reach it: tokens presigned against it are accepted
   * @param region the region whose STS hostnames are accepted too
   */
  public static EksIntegration create(DeferredClusterHost clusterHost, Store store, AwsState state,
      CredentialResolver credentials, String awsEndpointUrl, String region, Clock clock) {
    EksDirectory directory = EksDirectory.of(state);
    AwsAuthMappings awsAuth = new AwsAuthMappings(store);
    K8sAwsTokenVerifier verifier = new K8sAwsTokenVerifier(credentials,
        StsHosts.of("aws", List.of(region), List.of(awsEndpointUrl)), clock);
    EksTokenAuthenticator authenticator = new EksTokenAuthenticator(verifier, new IdentityMapper(directory, awsAuth::current));
    return new EksIntegration(clusterHost, awsAuth, authenticator,
        new AccessPolicyAuthorizer(directory, AccessPolicies.load()));
  }

  public TokenAuthenticator tokenAuthenticator() {
    return authenticator;
  }

  /** The access-policy authorizer after RBAC, and the aws-auth ConfigMap's problems as write warnings. */
  public KubeApiServer.Extensions kubeExtensions() {
    WriteWarnings awsAuthProblems = (ctx, object) -> ctx.type().plural().equals("configmaps")
        && ctx.type().group().isEmpty() ? AwsAuthConfig.problems(object) : List.of();
    return new KubeApiServer.Extensions(List.of(authorizer), List.of(awsAuthProblems));
  }

  /** Binds EKS clusters to the Kubernetes listener's logical clusters; aws-auth edits apply at once. */
  public void attach(KubeApiServer server, String kubernetesUrl, String caPem) {
    server.onObjectWrite(awsAuth::onWrite);
    clusterHost.bind(new LogicalClusterHost(server.clusters(), kubernetesUrl, caPem, server.issuerBase()));
  }

  @Override
  public void close() {
    awsAuth.close();
  }
}
