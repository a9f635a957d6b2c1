package dev.gatehouse.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One authorization question: may {@code principal} perform {@code action} on {@code resource}, given these
 * policies and this context?
 *
 * @param resource the resource ARN, or "*" for actions without resource-level permissions
 * @param resourceAccount the account owning the resource; null means the caller's own account
 * @param resourcePolicy the resource-based policy of the resource, if any (a role's trust policy for sts:Assume*)
 * @param resourcePolicyIsTrust the resource policy is a trust policy: it must always allow explicitly, and naming
 *     only the account still requires an identity-based allow
 * @param sessionPolicies the session policies of a role or federated-user session (empty: none apply)
 */
public record EvaluationRequest(String action, String resource, String resourceAccount, RequestPrincipal principal,
    RequestContext context, List<PolicySource> identityPolicies, Optional<PolicySource> resourcePolicy,
    boolean resourcePolicyIsTrust, Optional<PolicySource> permissionsBoundary, List<PolicySource> sessionPolicies) {

  public EvaluationRequest {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(principal, "principal");
    context = context == null ? RequestContext.empty() : context;
    identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
    resourcePolicy = resourcePolicy == null ? Optional.empty() : resourcePolicy;
    permissionsBoundary = permissionsBoundary == null ? Optional.empty() : permissionsBoundary;
    sessionPolicies = sessionPolicies == null ? List.of() : List.copyOf(sessionPolicies);
  }

  public static Builder builder(RequestPrincipal principal, String action, String resource) {
    return new Builder(principal, action, resource);
  }

  public static final class Builder {
    private final RequestPrincipal principal;
    private final String action;
    private final String resource;
    private String resourceAccount;
    private RequestContext context = RequestContext.empty();
    private final List<PolicySource> identity = new ArrayList<>();
    private PolicySource resourcePolicy;
    private boolean trust;
    private PolicySource boundary;
    private final List<PolicySource> session = new ArrayList<>();

    private Builder(RequestPrincipal principal, String action, String resource) {
      this.principal = principal;
      this.action = action;
      this.resource = resource;
    }

    public Builder resourceAccount(String account) {
      this.resourceAccount = account;
      return this;
    }

    public Builder context(RequestContext context) {
      this.context = context;
      return this;
    }

    public Builder identityPolicy(PolicySource source) {
      identity.add(source);
      return this;
    }

    public Builder identityPolicies(List<PolicySource> sources) {
      identity.addAll(sources);
      return this;
    }

    public Builder resourcePolicy(PolicySource source) {
      this.resourcePolicy = source;
      this.trust = false;
      return this;
    }

    public Builder trustPolicy(PolicySource source) {
      this.resourcePolicy = source;
      this.trust = true;
      return this;
    }

    public Builder permissionsBoundary(PolicySource source) {
      this.boundary = source;
      return this;
    }

    public Builder sessionPolicy(PolicySource source) {
      session.add(source);
      return this;
    }

    public EvaluationRequest build() {
      return new EvaluationRequest(action, resource, resourceAccount, principal, context, identity,
          Optional.ofNullable(resourcePolicy), trust, Optional.ofNullable(boundary), session);
    }
  }
}
