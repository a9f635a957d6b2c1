package dev.gatehouse.aws.sts;

import dev.gatehouse.aws.api.AwsException;
import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.auth.RequestFacts;
import dev.gatehouse.aws.auth.SessionClaims;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.iam.policy.AccessDeniedMessages;
import dev.gatehouse.iam.policy.DenyCause;
import dev.gatehouse.iam.policy.ParseResult;
import dev.gatehouse.iam.policy.Policies;
import dev.gatehouse.iam.policy.PolicyKind;
import dev.gatehouse.iam.policy.PolicySource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * sts:AssumeRole: the role's trust policy AND (same account through an account principal, or cross-account)
 * the caller's identity policies must allow it; session tags additionally need sts:TagSession. Role chaining
 * (a role session assuming a role) is limited to one hour.
 */
public final class AssumeRoleOperation {
  private static final int CHAINED_LIMIT = 3600;

  private final RoleLookup roles;
  private final IamAuthorizer authorizer;
  private final SessionIssuer issuer;

  public AssumeRoleOperation(RoleLookup roles, IamAuthorizer authorizer, SessionIssuer issuer) {
    this.roles = roles;
    this.authorizer = authorizer;
    this.issuer = issuer;
  }

  public OperationSpec spec() {
    return OperationSpec.sts("AssumeRole", null, this::assumeRole);
  }

  private Node assumeRole(OperationContext ctx) {
    Caller caller = ctx.caller();
    AssumeRoleRequest req = AssumeRoleRequest.parse(ctx.params());
    Optional<Role> found = roles.byArn(req.roleArn());
    String plainDenial = "User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole on resource: " + req.roleArn();
    if (found.isEmpty()) {
      throw StsErrors.accessDenied(plainDenial);
    }
    Role role = found.get();
    RequestFacts facts = new RequestFacts(ctx.now(), ctx.sourceIp(), ctx.secureTransport(), ctx.region());
    PolicySource trust = roles.trustPolicy(role);
    Map<String, List<String>> keys = conditionKeys(req, caller);
    authorize("sts:AssumeRole", caller, role, trust, keys, facts, plainDenial);
    if (!req.tags().isEmpty() || !req.transitiveTagKeys().isEmpty()) {
      authorize("sts:TagSession", caller, role, trust, keys, facts,
          "User: " + caller.arn() + " is not authorized to perform: sts:TagSession on resource: " + req.roleArn());
    }
    if (req.sourceIdentity().isPresent()) {
      authorize("sts:SetSourceIdentity", caller, role, trust, keys, facts,
          "User: " + caller.arn() + " is not authorized to perform: sts:SetSourceIdentity on resource: " + req.roleArn());
    }
    boolean chained = caller instanceof Caller.RoleSessionCaller;
    int duration = duration(req, role, chained);
    req.policy().ifPresent(AssumeRoleOperation::checkSessionPolicy);
    int packed = req.packedPolicySize();
    if (packed > 100) {
      throw StsErrors.packedPolicyTooLarge("Packed policy consumes " + packed + "% of allotted space, please use smaller policy.");
    }
    SessionClaims claims = new SessionClaims(issuer.newAccessKeyId(role.account()), role.account(),
        SessionClaims.Kind.ROLE, role.name(), role.id(), req.sessionName(), ctx.now(),
        ctx.now().plus(Duration.ofSeconds(duration)), chained, false, req.policy().orElse(null), req.policyArns(),
        sessionTags(caller, req), transitiveKeys(caller, req), req.sourceIdentity().orElse(null), null);
    return result(claims, role, req, packed);
  }

  Node result(SessionClaims claims, Role role, AssumeRoleRequest req, int packed) {
    Shape s = Shape.struct().child("Credentials", issuer.credentials(claims))
        .child("AssumedRoleUser", Shape.struct().str("AssumedRoleId", role.id() + ":" + claims.sessionName())
            .str("Arn", "arn:aws:sts::" + role.account() + ":assumed-role/" + role.name() + "/" + claims.sessionName()));
    if (req.packsAnything()) {
      s.integer("PackedPolicySize", packed);
    }
    s.str("SourceIdentity", claims.sourceIdentity());
    return s.toNode();
  }

  private void authorize(String action, Caller caller, Role role, PolicySource trust, Map<String, List<String>> keys,
      RequestFacts facts, String plainDenial) {
    IamAuthorizer.Outcome outcome = authorizer.evaluate(caller, action, role.arn(), role.account(), keys, facts,
        Optional.of(trust), true);
    if (!outcome.allowed()) {
      DenyCause cause = outcome.result().cause();
      // A trust policy that does not allow the caller is answered without a reason, as STS answers it.
      String message = cause == DenyCause.NO_RESOURCE_ALLOW ? plainDenial
          : AccessDeniedMessages.format(caller.arn(), action, role.arn(), outcome.result());
      throw StsErrors.accessDenied(message);
    }
  }

  static int duration(AssumeRoleRequest req, Role role, boolean chained) {
    if (req.durationSeconds().isEmpty()) {
      return Math.min(3600, role.maxSessionDuration());
    }
    int asked = req.durationSeconds().get();
    if (chained && asked > CHAINED_LIMIT) {
      throw new AwsException(AwsError.validation(
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."));
    }
    if (asked > role.maxSessionDuration()) {
      throw new AwsException(AwsError.validation(
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));
    }
    return asked;
  }

  static void checkSessionPolicy(String document) {
    ParseResult parsed = Policies.parse(document, PolicyKind.SESSION);
    if (parsed instanceof ParseResult.Malformed m) {
      throw StsErrors.malformedPolicy(m.message());
    }
  }

  private static Map<String, List<String>> conditionKeys(AssumeRoleRequest req, Caller caller) {
    Map<String, List<String>> keys = new HashMap<>();
    keys.put("sts:RoleSessionName", List.of(req.sessionName()));
    req.externalId().ifPresent(id -> keys.put("sts:ExternalId", List.of(id)));
    req.sourceIdentity().ifPresent(id -> keys.put("sts:SourceIdentity", List.of(id)));
    req.durationSeconds().ifPresent(d -> keys.put("sts:DurationSeconds", List.of(Integer.toString(d))));
    if (!req.transitiveTagKeys().isEmpty()) {
      keys.put("sts:TransitiveTagKeys", req.transitiveTagKeys());
    }
    IamAuthorizer.putRequestTags(req.tags(), keys);
    return keys;
  }

  /** The new session's tags: the caller session's transitive tags, then the request's. */
  private static Map<String, String> sessionTags(Caller caller, AssumeRoleRequest req) {
    Map<String, String> tags = new LinkedHashMap<>();
    SessionClaims session = caller.session();
    if (session != null) {
      for (String k : session.transitiveTagKeys()) {
        String v = session.sessionTags().get(k);
        if (v != null) {
          tags.put(k, v);
        }
      }
    }
    for (Tag t : req.tags()) {
      tags.put(t.key(), t.value());
    }
    return tags;
  }

  private static List<String> transitiveKeys(Caller caller, AssumeRoleRequest req) {
    List<String> keys = new ArrayList<>(req.transitiveTagKeys());
    if (caller.session() != null) {
      caller.session().transitiveTagKeys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
    }
    return keys;
  }

  /** Roles by ARN and their compiled trust policies. */
  public interface RoleLookup {
    Optional<Role> byArn(String arn);

    PolicySource trustPolicy(Role role);
  }
}
