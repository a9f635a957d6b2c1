package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Page;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.iam.policy.EvaluationRequest;
import dev.gatehouse.iam.policy.EvaluationResult;
import dev.gatehouse.iam.policy.Evaluator;
import dev.gatehouse.iam.policy.MatchedStatement;
import dev.gatehouse.iam.policy.Position;
import dev.gatehouse.iam.policy.PolicySource;
import dev.gatehouse.iam.policy.RequestPrincipal;
import dev.gatehouse.iam.policy.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM policy simulator: SimulatePrincipalPolicy (the policies of a user, group or role, plus optional extra
 * ones) and SimulateCustomPolicy (only the policies given). Nothing is performed; each action is evaluated against
 * each resource with the same engine that authorises real requests, and the decision is explained.
 *
 * <p>As IAM's simulator does: the only condition keys are the request's {@code ContextEntries} (keys a condition
 * needs and the request lacks are reported as {@code MissingContextValues}); the resource policy takes part only
 * when {@code ResourceArns} are given; matched statements report {@code SourcePolicyType} "IAM Policy" or
 * "Resource Policy", which is what IAM answers, not the botocore enum. Unlike IAM (aws-cli issue 10314), a trust
 * policy given as {@code ResourcePolicy} is evaluated for {@code sts:AssumeRole*} actions rather than ignored.
 * Cross-account {@code EvalDecisionDetails} are not broken down per policy type: they stay empty.
 */
public final class SimulationOperations {
  private static final String IAM_POLICY = "IAM Policy";
  private static final String RESOURCE_POLICY = "Resource Policy";

  private final IamServices iam;

  public SimulationOperations(IamServices iam) {
    this.iam = iam;
  }

  public List<OperationSpec> specs() {
    return List.of(
        iam("SimulatePrincipalPolicy",
            ctx -> Target.of("iam:SimulatePrincipalPolicy", ctx.params().required("PolicySourceArn")), this::principal),
        iam("SimulateCustomPolicy", ctx -> Target.of("iam:SimulateCustomPolicy", "*"), this::custom));
  }

  private Node principal(OperationContext ctx) {
    Params p = ctx.params();
    String sourceArn = p.required("PolicySourceArn");
    p.checkLength("PolicySourceArn", sourceArn, 20, 2048);
    SimulationRequest req = SimulationRequest.parse(p, false);
    EntityPolicies entity = load(ctx.account(), sourceArn);
    List<PolicySource> identity = new ArrayList<>(entity.identity());
    identity.addAll(req.inputPolicies());
    // A boundary given in the request replaces the entity's own, as the API documents.
    Optional<PolicySource> boundary = req.boundary().or(entity::boundary);
    Optional<String> caller = req.callerArn().or(() -> entity.isUser() ? Optional.of(entity.arn()) : Optional.empty());
    return simulate(ctx, req, identity, boundary, caller);
  }

  private Node custom(OperationContext ctx) {
    SimulationRequest req = SimulationRequest.parse(ctx.params(), true);
    return simulate(ctx, req, req.inputPolicies(), req.boundary(), req.callerArn());
  }

  /** The user, group or role a PolicySourceArn names, in the caller's account. */
  private EntityPolicies load(String account, String arn) {
    String[] parts = arn.split(":", 6);
    int slash = parts.length == 6 ? parts[5].indexOf('/') : -1;
    if (slash < 0 || !parts[0].equals("arn") || !parts[2].equals("iam")) {
      throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
    }
    String type = parts[5].substring(0, slash);
    String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
    AwsState state = iam.state();
    return switch (type) {
      case "user" -> EntityPolicies.of(state.get(AwsKeys.user(account, name), User.class).map(AwsState.Versioned::value)
          .filter(u -> u.arn().equals(arn)).orElseThrow(() -> IamErrors.noSuchUser(name)), state, iam.policies());
      case "group" -> EntityPolicies.of(state.get(AwsKeys.group(account, name), Group.class)
          .map(AwsState.Versioned::value).filter(g -> g.arn().equals(arn))
          .orElseThrow(() -> IamErrors.noSuchGroup(name)), iam.policies());
      case "role" -> EntityPolicies.of(state.get(AwsKeys.role(account, name), Role.class).map(AwsState.Versioned::value)
          .filter(r -> r.arn().equals(arn)).orElseThrow(() -> IamErrors.noSuchRole(name)), iam.policies());
      default -> throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
    };
  }

  private record Indexed(int index, Shape shape) {}

  private Node simulate(OperationContext ctx, SimulationRequest req, List<PolicySource> identity,
      Optional<PolicySource> boundary, Optional<String> callerArn) {
    boolean specific = !req.resources().isEmpty();
    Optional<SimulationRequest.ResourcePolicy> resourcePolicy = specific ? req.resourcePolicy() : Optional.empty();
    if (req.resourcePolicy().isPresent() && callerArn.isEmpty()) {
      // The simulated caller is what the resource policy's Principal is matched against; the text is Gatehouse's.
      throw IamErrors.invalidInput("CallerArn must be specified to simulate a ResourcePolicy when the policy source"
          + " is not an IAM user.");
    }
    String callerAccount = callerArn.map(SimulationRequest::accountOf).orElse(ctx.account());
    // Without a resource policy only the principal's type and account matter, never its name.
    RequestPrincipal principal = RequestPrincipal.forUser(
        callerArn.orElse("arn:aws:iam::" + ctx.account() + ":user/SimulatedCaller"), callerAccount);
    List<Indexed> results = new ArrayList<>();
    for (String action : req.actions()) {
      for (String resource : req.resourcesOrWildcard()) {
        String owner = resource.equals("*") ? callerAccount
            : Optional.ofNullable(SimulationRequest.accountOf(resource)).or(req::resourceOwner).orElse(callerAccount);
        EvaluationResult r = Evaluator.evaluate(new EvaluationRequest(action, resource, owner, principal,
            req.context(), identity, resourcePolicy.map(SimulationRequest.ResourcePolicy::source),
            resourcePolicy.map(SimulationRequest.ResourcePolicy::trust).orElse(false), boundary, List.of()));
        results.add(new Indexed(results.size(), result(action, resource, r, specific, boundary.isPresent())));
      }
    }
    Page<Indexed> page = Page.of(results, i -> String.format("%08d", i.index()), ctx.params());
    return Shape.struct().list("EvaluationResults", page.items(), Indexed::shape).page(page).toNode();
  }

  private static Shape result(String action, String resource, EvaluationResult r, boolean specific,
      boolean hasBoundary) {
    List<String> missing = List.copyOf(r.missingContextKeys());
    Shape s = Shape.struct().str("EvalActionName", action).str("EvalResourceName", resource)
        .str("EvalDecision", r.decision().wireName())
        .list("MatchedStatements", r.matchedStatements(), SimulationOperations::statement)
        // With ResourceArns, missing keys are reported per resource instead (the API reference says so).
        .strings("MissingContextValues", specific ? List.of() : missing);
    if (hasBoundary) {
      s.child("PermissionsBoundaryDecisionDetail", boundaryDetail(r));
    }
    if (specific) {
      Shape perResource = Shape.struct().str("EvalResourceName", resource)
          .str("EvalResourceDecision", r.decision().wireName())
          .list("MatchedStatements", r.matchedStatements(), SimulationOperations::statement)
          .strings("MissingContextValues", missing);
      if (hasBoundary) {
        perResource.child("PermissionsBoundaryDecisionDetail", boundaryDetail(r));
      }
      s.map("EvalDecisionDetails", Map.of()).list("ResourceSpecificResults", List.of(perResource), x -> x);
    }
    return s;
  }

  private static Shape boundaryDetail(EvaluationResult r) {
    return Shape.struct().bool("AllowedByPermissionsBoundary", r.allowedByPermissionsBoundary());
  }

  private static Shape statement(MatchedStatement m) {
    return Shape.struct().str("SourcePolicyId", m.source().id())
        .str("SourcePolicyType", m.source().type() == SourceType.RESOURCE ? RESOURCE_POLICY : IAM_POLICY)
        .child("StartPosition", position(m.start())).child("EndPosition", position(m.end()));
  }

  private static Shape position(Position p) {
    return Shape.struct().integer("Line", p.line()).integer("Column", p.column());
  }
}
