package dev.gatehouse.aws.auth;

import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.ManagedPolicy;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.iam.policy.AccessDeniedMessages;
import dev.gatehouse.iam.policy.Decision;
import dev.gatehouse.iam.policy.EvaluationRequest;
import dev.gatehouse.iam.policy.EvaluationResult;
import dev.gatehouse.iam.policy.Evaluator;
import dev.gatehouse.iam.policy.Policy;
import dev.gatehouse.iam.policy.PolicyKind;
import dev.gatehouse.iam.policy.PolicySource;
import dev.gatehouse.iam.policy.RequestContext;
import dev.gatehouse.iam.policy.RequestPrincipal;
import dev.gatehouse.iam.policy.SourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authorises a caller's action on a resource with the policy engine: gathers the caller's identity policies
 * (inline and attached, the user's groups' too), its permissions boundary and its session policies, fills the
 * global condition keys, and evaluates.
 */
public final class IamAuthorizer {
  /** The engine's result and, when denied, the AccessDenied message the caller gets. */
  public record Outcome(EvaluationResult result, String message, String messageWithoutReason) {
    public boolean allowed() {
      return result.decision() == Decision.ALLOWED;
    }
  }

  /** A policy that allows no real action: what a deleted boundary or unresolvable session policy leaves. */
  private static final String NOTHING =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"gatehouse:none\",\"Resource\":\"*\"}]}";

  private final AwsState state;
  private final PolicyStore policies;

  public IamAuthorizer(AwsState state, PolicyStore policies) {
    this.state = state;
    this.policies = policies;
  }

  public PolicyStore policies() {
    return policies;
  }

  /** An identity-based authorisation (no resource policy), as IAM and STS actions other than AssumeRole* are. */
  public Outcome authorize(Caller caller, String action, String resource, Map<String, List<String>> keys,
      RequestFacts facts) {
    return evaluate(caller, action, resource, caller.account(), keys, facts, Optional.empty(), false);
  }

  /** Evaluates with a resource-based policy (for AssumeRole: the role's trust policy). */
  public Outcome evaluate(Caller caller, String action, String resource, String resourceAccount,
      Map<String, List<String>> keys, RequestFacts facts, Optional<PolicySource> resourcePolicy, boolean trust) {
    RequestContext.Builder context = context(caller, facts);
    keys.forEach(context::putAll);
    EvaluationRequest request = new EvaluationRequest(action, resource, resourceAccount, principal(caller),
        context.build(), identityPolicies(caller), resourcePolicy, trust, boundary(caller), sessionPolicies(caller));
    EvaluationResult result = Evaluator.evaluate(request);
    if (result.decision() == Decision.ALLOWED) {
      return new Outcome(result, null, null);
    }
    return new Outcome(result, AccessDeniedMessages.format(caller.arn(), action, resource, result),
        AccessDeniedMessages.formatWithoutReason(caller.arn(), action, resource, result));
  }

  public static RequestPrincipal principal(Caller caller) {
    return caller.role() != null
        ? RequestPrincipal.forRoleSession(caller.arn(), caller.role().arn(), caller.account())
        : RequestPrincipal.forUser(caller.arn(), caller.account());
  }

  /** The global condition keys every request of this caller carries. */
  public RequestContext.Builder context(Caller caller, RequestFacts facts) {
    RequestContext.Builder c = RequestContext.builder();
    c.put("aws:userid", caller.userId());
    c.put("aws:PrincipalAccount", caller.account());
    c.put("aws:PrincipalType", caller.principalType());
    c.put("aws:CurrentTime", facts.now().toString());
    c.put("aws:EpochTime", Long.toString(facts.now().getEpochSecond()));
    c.put("aws:SecureTransport", Boolean.toString(facts.secureTransport()));
    c.put("aws:RequestedRegion", facts.region());
    if (facts.sourceIp() != null) {
      c.put("aws:SourceIp", facts.sourceIp());
    }
    Map<String, String> principalTags = new LinkedHashMap<>();
    SessionClaims session = caller.session();
    if (caller.user() != null) {
      c.put("aws:username", caller.user().name());
      c.put("aws:PrincipalArn", caller.arn());
      caller.user().tags().forEach(t -> principalTags.put(t.key(), t.value()));
    } else {
      Role role = caller.role();
      c.put("aws:PrincipalArn", role.arn());
      c.put("aws:RoleSessionName", session.sessionName());
      role.tags().forEach(t -> principalTags.put(t.key(), t.value()));
      if (session.federatedProvider() != null) {
        c.put("aws:FederatedProvider", session.federatedProvider());
      }
      if (session.sourceIdentity() != null) {
        c.put("aws:SourceIdentity", session.sourceIdentity());
      }
    }
    if (session != null) {
      principalTags.putAll(session.sessionTags());
      c.put("aws:TokenIssueTime", session.issued().toString());
      c.put("aws:MultiFactorAuthPresent", Boolean.toString(session.mfa()));
    }
    principalTags.forEach((k, v) -> c.put("aws:PrincipalTag/" + k, v));
    return c;
  }

  public List<PolicySource> identityPolicies(Caller caller) {
    List<PolicySource> out = new ArrayList<>();
    if (caller.user() != null) {
      addUser(caller.user(), out);
    } else {
      addInline(caller.role().inlinePolicies(), SourceType.ROLE, out);
      addAttached(caller.role().attachedPolicies(), out);
    }
    return out;
  }

  public Optional<PolicySource> boundary(Caller caller) {
    String arn = caller.user() != null ? caller.user().permissionsBoundary() : caller.role().permissionsBoundary();
    if (arn == null) {
      return Optional.empty();
    }
    // A boundary whose policy was deleted allows nothing: an empty policy source keeps the boundary in force.
    return Optional.of(managedSource(arn).orElseGet(() -> emptySource(arn)));
  }

  public List<PolicySource> sessionPolicies(Caller caller) {
    SessionClaims session = caller.session();
    if (session == null || !session.hasSessionPolicies()) {
      return List.of();
    }
    List<PolicySource> out = new ArrayList<>();
    if (session.sessionPolicy() != null) {
      policies.compile(session.sessionPolicy(), PolicyKind.SESSION)
          .ifPresent(p -> out.add(new PolicySource("SessionPolicy", SourceType.NONE, p)));
    }
    for (String arn : session.policyArns()) {
      managedSource(arn).ifPresent(out::add);
    }
    if (out.isEmpty()) {
      out.add(emptySource("SessionPolicy"));
    }
    return out;
  }

  private void addUser(User user, List<PolicySource> out) {
    addInline(user.inlinePolicies(), SourceType.USER, out);
    addAttached(user.attachedPolicies(), out);
    for (String groupName : user.groups()) {
      state.get(AwsKeys.group(user.account(), groupName), Group.class).ifPresent(g -> {
        addInline(g.value().inlinePolicies(), SourceType.GROUP, out);
        addAttached(g.value().attachedPolicies(), out);
      });
    }
  }

  private void addInline(Map<String, String> inline, SourceType type, List<PolicySource> out) {
    inline.forEach((name, doc) -> policies.compile(doc, PolicyKind.IDENTITY)
        .ifPresent(p -> out.add(new PolicySource(name, type, p))));
  }

  private void addAttached(List<String> arns, List<PolicySource> out) {
    for (String arn : arns) {
      managedSource(arn).ifPresent(out::add);
    }
  }

  private Optional<PolicySource> managedSource(String arn) {
    return policies.managed(arn).flatMap(mp -> policies.compile(mp.defaultVersion().document(), PolicyKind.IDENTITY)
        .map(p -> new PolicySource(mp.name(), mp.awsManaged() ? SourceType.AWS_MANAGED : SourceType.USER_MANAGED, p)));
  }

  private PolicySource emptySource(String id) {
    Policy none = policies.compile(NOTHING, PolicyKind.IDENTITY).orElseThrow();
    return new PolicySource(id, SourceType.NONE, none);
  }

  /** Tags as condition values, for aws:RequestTag/… and aws:TagKeys. */
  public static void putRequestTags(List<Tag> tags, Map<String, List<String>> keys) {
    if (tags.isEmpty()) {
      return;
    }
    List<String> tagKeys = new ArrayList<>();
    for (Tag t : tags) {
      keys.put("aws:RequestTag/" + t.key(), List.of(t.value()));
      tagKeys.add(t.key());
    }
    keys.put("aws:TagKeys", tagKeys);
  }
}
