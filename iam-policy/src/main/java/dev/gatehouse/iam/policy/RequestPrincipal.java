package dev.gatehouse.iam.policy;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The caller as Principal elements can name it. The identifiers split into those that name the caller itself
 * (user ARN, session ARN, provider, service) and, for a role session, the role ARN (with path), through which the
 * session inherits grants. The account forms ({@code "123456789012"}, {@code arn:aws:iam::123456789012:root})
 * match every principal of the account, as account-level matches. Identifiers are held in arrays so that matching
 * a statement's principal set is a few hash probes without iterator allocation.
 */
public final class RequestPrincipal {
  private final PrincipalType type;
  private final String arn;
  private final String account;
  private final String roleArn;
  private final String[] direct;
  private final Set<String> identifiers;

  private RequestPrincipal(PrincipalType type, String arn, String account, String roleArn, String... direct) {
    this.type = Objects.requireNonNull(type, "type");
    this.arn = arn;
    this.account = account;
    this.roleArn = roleArn;
    this.direct = direct.clone();
    Set<String> ids = new LinkedHashSet<>(java.util.Arrays.asList(direct));
    if (roleArn != null) {
      ids.add(roleArn);
    }
    this.identifiers = java.util.Collections.unmodifiableSet(ids);
  }

  public static RequestPrincipal forUser(String userArn, String account) {
    return new RequestPrincipal(PrincipalType.USER, req(userArn), req(account), null, userArn);
  }

  /** @param roleArn the role's ARN with its path, e.g. arn:aws:iam::A:role/path/R */
  public static RequestPrincipal forRoleSession(String sessionArn, String roleArn, String account) {
    return new RequestPrincipal(PrincipalType.ROLE_SESSION, req(sessionArn), req(account), req(roleArn),
        sessionArn);
  }

  public static RequestPrincipal forRoot(String account) {
    String rootArn = "arn:aws:iam::" + req(account) + ":root";
    return new RequestPrincipal(PrincipalType.ROOT, rootArn, account, null, rootArn);
  }

  /** A GetFederationToken session, arn:aws:sts::A:federated-user/name. */
  public static RequestPrincipal forFederatedUser(String federatedUserArn, String account) {
    return new RequestPrincipal(PrincipalType.FEDERATED_USER, req(federatedUserArn), req(account), null,
        federatedUserArn);
  }

  /**
   * A web-identity or SAML request.
   *
   * @param provider the provider ARN (arn:aws:iam::A:oidc-provider/host) or a name like accounts.google.com
   * @param account the account the provider belongs to (the role's account), or null for public providers
   */
  public static RequestPrincipal forFederated(String provider, String account) {
    return new RequestPrincipal(PrincipalType.FEDERATED, req(provider), account, null, provider);
  }

  public static RequestPrincipal forService(String serviceName) {
    return new RequestPrincipal(PrincipalType.SERVICE, req(serviceName), null, null, serviceName);
  }

  /** An unauthenticated caller: only {@code "Principal": "*"} names it. */
  public static RequestPrincipal anonymous() {
    return new RequestPrincipal(PrincipalType.ANONYMOUS, null, null, null);
  }

  public PrincipalType type() {
    return type;
  }

  /** The caller's ARN (user, session, root, federated user), the provider or service name; null when anonymous. */
  public String arn() {
    return arn;
  }

  /** The caller's account, or null (services, anonymous, public identity providers). */
  public String account() {
    return account;
  }

  /** Every identifier a Principal element may use to name this caller (besides the account forms and "*"). */
  public Set<String> principalIdentifiers() {
    return identifiers;
  }

  /** The role ARN of a role session, else null. */
  public String roleArn() {
    return roleArn;
  }

  String[] directIdentifiers() {
    return direct;
  }

  private static String req(String s) {
    return Objects.requireNonNull(s);
  }

  @Override
  public String toString() {
    return type + "(" + (arn == null ? "anonymous" : arn) + ")";
  }
}
