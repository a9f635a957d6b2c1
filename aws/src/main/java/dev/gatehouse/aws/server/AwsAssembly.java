package dev.gatehouse.aws.server;

import dev.gatehouse.aws.api.OperationRegistry;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.auth.AwsManagedPolicies;
import dev.gatehouse.aws.auth.CredentialResolver;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.auth.PolicyStore;
import dev.gatehouse.aws.auth.SessionTokens;
import dev.gatehouse.aws.bootstrap.AccountBootstrap;
import dev.gatehouse.aws.eks.ClusterHost;
import dev.gatehouse.aws.eks.EksOperations;
import dev.gatehouse.aws.eks.EksServices;
import dev.gatehouse.aws.eks.api.EksApi;
import dev.gatehouse.aws.iam.AccessKeyOperations;
import dev.gatehouse.aws.iam.AccountAuthorizationDetailsOperation;
import dev.gatehouse.aws.iam.AttachmentOperations;
import dev.gatehouse.aws.iam.GroupOperations;
import dev.gatehouse.aws.iam.IamServices;
import dev.gatehouse.aws.iam.InlinePolicyOperations;
import dev.gatehouse.aws.iam.ManagedPolicyOperations;
import dev.gatehouse.aws.iam.OidcProviderOperations;
import dev.gatehouse.aws.iam.RoleOperations;
import dev.gatehouse.aws.iam.SimulationOperations;
import dev.gatehouse.aws.iam.UserOperations;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.aws.sts.AssumeRoleOperation;
import dev.gatehouse.aws.sts.AuthorizationMessages;
import dev.gatehouse.aws.sts.DecodeAuthorizationMessageOperation;
import dev.gatehouse.aws.sts.OidcKeys;
import dev.gatehouse.aws.sts.SessionIssuer;
import dev.gatehouse.aws.sts.StateRoleLookup;
import dev.gatehouse.aws.sts.StsOperations;
import dev.gatehouse.aws.sts.WebIdentityOperation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Wires the AWS side over a state: bootstrap (session-token key, account, administrator), the policy store,
 * the authorizer, every IAM and STS action, the EKS operations, and SigV4 authentication. Used by the listener
 * and by in-process tests alike, so both run exactly the same pipeline.
 *
 * @param api the Query pipeline (IAM, STS) alone
 * @param eks the EKS REST-JSON pipeline alone
 * @param handler what the listener runs: {@link AwsRouter} over both
 */
public record AwsAssembly(AwsApi api, Optional<AccountBootstrap.AdminKey> admin, SessionTokens tokens,
    IamAuthorizer authorizer, OperationRegistry registry, EksApi eks, AwsHandler handler) {
  /** The IAM actions on users, groups, keys, policies, roles and OIDC providers. */
  public static List<OperationSpec> iamEntityOperations(IamServices iam) {
    List<OperationSpec> specs = new java.util.ArrayList<>();
    specs.addAll(new UserOperations(iam).specs());
    specs.addAll(new GroupOperations(iam).specs());
    specs.addAll(new AccessKeyOperations(iam).specs());
    specs.addAll(new ManagedPolicyOperations(iam).specs());
    specs.addAll(new AttachmentOperations(iam).specs());
    specs.addAll(new InlinePolicyOperations(iam).specs());
    specs.addAll(new RoleOperations(iam).specs());
    specs.addAll(new OidcProviderOperations(iam).specs());
    return specs;
  }

  /**
   * @param oidcCaBundles PEM files of CAs trusted for OIDC issuers' HTTPS, beside the JVM's own
   * @param audit the AWS audit log; null for none
   */
  public static AwsAssembly assemble(AwsState state, Clock clock, String accountId, String region,
      List<java.nio.file.Path> oidcCaBundles, AwsAuditLog audit) {
    return assemble(state, clock, accountId, region, oidcCaBundles, audit, null);
  }

  /**
   * @param clusterHost where EKS clusters become Kubernetes clusters; null serves no EKS operation (every EKS
   *     path then answers as an unknown operation)
   */
  public static AwsAssembly assemble(AwsState state, Clock clock, String accountId, String region,
      List<java.nio.file.Path> oidcCaBundles, AwsAuditLog audit, ClusterHost clusterHost) {
    byte[] sessionKey = AccountBootstrap.sessionKey(state);
    SessionTokens tokens = new SessionTokens(sessionKey);
    Optional<AccountBootstrap.AdminKey> admin = AccountBootstrap.ensureAccount(state, accountId, clock.instant());
    PolicyStore policies = new PolicyStore(state, AwsManagedPolicies.load());
    IamAuthorizer authorizer = new IamAuthorizer(state, policies);
    IamServices iam = new IamServices(state, policies, clock);
    SessionIssuer issuer = new SessionIssuer(() -> tokens);
    OperationRegistry registry = new OperationRegistry()
        .register(iamEntityOperations(iam))
        .register(new StsOperations(issuer).specs())
        .register(List.of(new AssumeRoleOperation(new StateRoleLookup(state, policies), authorizer, issuer).spec()))
        .register(new SimulationOperations(iam).specs())
        .register(List.of(new AccountAuthorizationDetailsOperation(iam).spec()))
        .register(List.of(new WebIdentityOperation(state, new StateRoleLookup(state, policies), issuer,
            OidcKeys.create(oidcCaBundles, clock)).spec()))
        .register(List.of(new DecodeAuthorizationMessageOperation(new AuthorizationMessages(sessionKey)).spec()));
    Authentication authentication = new Authentication(new CredentialResolver(state, () -> tokens), new KeyUsage(state));
    AwsApi api = new AwsApi(registry, authentication, authorizer, clock, region, audit);
    EksApi eks = new EksApi(clusterHost == null ? List.of()
        : EksOperations.specs(new EksServices(state, clusterHost, authorizer, iam)), authentication, authorizer, clock,
        audit);
    return new AwsAssembly(api, admin, tokens, authorizer, registry, eks, new AwsRouter(api, eks));
  }
}
