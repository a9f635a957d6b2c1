package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.model.ManagedPolicy;
import dev.gatehouse.aws.protocol.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Attach/Detach{User,Group,Role}Policy and ListAttached{User,Group,Role}Policies. */
public final class AttachmentOperations {
  private final IamServices iam;
  private final InlinePolicyOperations targetsOf;

  public AttachmentOperations(IamServices iam) {
    this.iam = iam;
    this.targetsOf = new InlinePolicyOperations(iam);
  }

  public List<OperationSpec> specs() {
    List<OperationSpec> specs = new ArrayList<>();
    for (PolicyHolder.Kind kind : PolicyHolder.Kind.values()) {
      String t = kind.title();
      specs.add(iam("Attach" + t + "Policy", withPolicyArn(targetsOf.target(kind, "iam:Attach" + t + "Policy")),
          ctx -> attach(kind, ctx)));
      specs.add(iam("Detach" + t + "Policy", withPolicyArn(targetsOf.target(kind, "iam:Detach" + t + "Policy")),
          ctx -> detach(kind, ctx)));
      specs.add(iam("ListAttached" + t + "Policies", targetsOf.target(kind, "iam:ListAttached" + t + "Policies"),
          ctx -> list(kind, ctx)));
    }
    return specs;
  }

  /** iam:PolicyARN is the condition key of the attach actions. */
  private static Function<OperationContext, Target> withPolicyArn(Function<OperationContext, Target> target) {
    return ctx -> {
      Target t = target.apply(ctx);
      return new Target(t.action(), t.resource(), Map.of("iam:PolicyARN", List.of(ctx.params().required("PolicyArn"))));
    };
  }

  private Node attach(PolicyHolder.Kind kind, OperationContext ctx) {
    Params p = ctx.params();
    PolicyHolder holder = PolicyHolder.load(iam, kind, ctx.account(), p.name(kind.param, 128));
    String arn = p.required("PolicyArn");
    ManagedPolicy policy = attachable(arn, ctx.account());
    if (holder.attachedPolicies().contains(policy.arn())) {
      return null;
    }
    if (holder.attachedPolicies().size() >= PolicyHolder.MAX_ATTACHED) {
      throw IamErrors.limitExceeded("Cannot exceed quota for " + kind.attachQuota + ": " + PolicyHolder.MAX_ATTACHED);
    }
    List<String> arns = new ArrayList<>(holder.attachedPolicies());
    arns.add(policy.arn());
    var batch = iam.batch().put(holder.key(), holder.withAttached(arns));
    if (!policy.awsManaged()) {
      batch.expect(dev.gatehouse.aws.state.AwsKeys.policy(policy.account(), policy.name()));
    }
    iam.commit(batch);
    return null;
  }

  private Node detach(PolicyHolder.Kind kind, OperationContext ctx) {
    Params p = ctx.params();
    PolicyHolder holder = PolicyHolder.load(iam, kind, ctx.account(), p.name(kind.param, 128));
    String arn = PolicyArns.check(p.required("PolicyArn"));
    if (!holder.attachedPolicies().contains(arn)) {
      throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
    }
    List<String> arns = holder.attachedPolicies().stream().filter(a -> !a.equals(arn)).toList();
    iam.commit(iam.batch().put(holder.key(), holder.withAttached(arns)));
    return null;
  }

  private Node list(PolicyHolder.Kind kind, OperationContext ctx) {
    PolicyHolder holder = PolicyHolder.load(iam, kind, ctx.account(), ctx.params().name(kind.param, 128));
    String prefix = ctx.params().optional("PathPrefix").orElse("/");
    List<ManagedPolicy> policies = holder.attachedPolicies().stream()
        .flatMap(a -> iam.policies().managed(a).stream()).filter(mp -> mp.path().startsWith(prefix)).toList();
    return Shape.struct().list("AttachedPolicies", policies,
        mp -> Shape.struct().str("PolicyName", mp.name()).str("PolicyArn", mp.arn())).bool("IsTruncated", false).toNode();
  }

  /** A policy that can be attached in {@code account}: AWS managed, or customer managed in that account. */
  ManagedPolicy attachable(String arn, String account) {
    PolicyArns.check(arn);
    return iam.policies().managed(arn).filter(mp -> mp.awsManaged() || mp.account().equals(account))
        .orElseThrow(() -> IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable."));
  }
}
