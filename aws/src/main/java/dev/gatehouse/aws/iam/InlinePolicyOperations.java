package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.protocol.QueryResponses;
import dev.gatehouse.iam.policy.ParseResult;
import dev.gatehouse.iam.policy.Policies;
import dev.gatehouse.iam.policy.PolicyKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Put/Get/List/Delete{User,Group,Role}Policy: inline policies, with IAM's aggregate size quotas. */
public final class InlinePolicyOperations {
  private final IamServices iam;
  private final IamTargets targets;

  public InlinePolicyOperations(IamServices iam) {
    this.iam = iam;
    this.targets = new IamTargets(iam.state());
  }

  public List<OperationSpec> specs() {
    List<OperationSpec> specs = new ArrayList<>();
    for (PolicyHolder.Kind kind : PolicyHolder.Kind.values()) {
      String t = kind.title();
      specs.add(iam("Put" + t + "Policy", target(kind, "iam:Put" + t + "Policy"), ctx -> put(kind, ctx)));
      specs.add(iam("Get" + t + "Policy", target(kind, "iam:Get" + t + "Policy"), ctx -> get(kind, ctx)));
      specs.add(iam("List" + t + "Policies", target(kind, "iam:List" + t + "Policies"), ctx -> list(kind, ctx)));
      specs.add(iam("Delete" + t + "Policy", target(kind, "iam:Delete" + t + "Policy"), ctx -> delete(kind, ctx)));
    }
    return specs;
  }

  Function<OperationContext, Target> target(PolicyHolder.Kind kind, String action) {
    return switch (kind) {
      case USER -> targets.user(action, "UserName");
      case GROUP -> targets.group(action);
      case ROLE -> targets.role(action);
    };
  }

  private Node put(PolicyHolder.Kind kind, OperationContext ctx) {
    Params p = ctx.params();
    PolicyHolder holder = PolicyHolder.load(iam, kind, ctx.account(), p.name(kind.param, 128));
    String name = p.name("PolicyName", 128);
    String document = p.policyDocument("PolicyDocument");
    ParseResult parsed = Policies.parse(document, PolicyKind.IDENTITY);
    if (parsed instanceof ParseResult.Malformed m) {
      throw IamErrors.malformedPolicy(m.message());
    }
    Map<String, String> policies = new LinkedHashMap<>(holder.inlinePolicies());
    policies.put(name, document);
    int total = policies.values().stream().mapToInt(Policies::nonWhitespaceLength).sum();
    if (total > kind.inlineQuota) {
      throw IamErrors.limitExceeded("Maximum policy size of " + kind.inlineQuota + " bytes exceeded for " + kind.noun
          + " " + holder.name());
    }
    iam.commit(iam.batch().put(holder.key(), holder.withInline(policies)));
    return null;
  }

  private Node get(PolicyHolder.Kind kind, OperationContext ctx) {
    Params p = ctx.params();
    PolicyHolder holder = PolicyHolder.load(iam, kind, ctx.account(), p.name(kind.param, 128));
    String name = p.name("PolicyName", 128);
    String document = holder.inlinePolicies().get(name);
    if (document == null) {
      throw noSuchInline(kind, name);
    }
    return Shape.struct().str(kind.param, holder.name()).str("PolicyName", name)
        .str("PolicyDocument", QueryResponses.urlEncodePolicy(document)).toNode();
  }

  private Node list(PolicyHolder.Kind kind, OperationContext ctx) {
    PolicyHolder holder = PolicyHolder.load(iam, kind, ctx.account(), ctx.params().name(kind.param, 128));
    List<String> names = holder.inlinePolicies().keySet().stream().sorted().toList();
    return Shape.struct().strings("PolicyNames", names).bool("IsTruncated", false).toNode();
  }

  private Node delete(PolicyHolder.Kind kind, OperationContext ctx) {
    Params p = ctx.params();
    PolicyHolder holder = PolicyHolder.load(iam, kind, ctx.account(), p.name(kind.param, 128));
    String name = p.name("PolicyName", 128);
    if (!holder.inlinePolicies().containsKey(name)) {
      throw noSuchInline(kind, name);
    }
    Map<String, String> policies = new LinkedHashMap<>(holder.inlinePolicies());
    policies.remove(name);
    iam.commit(iam.batch().put(holder.key(), holder.withInline(policies)));
    return null;
  }

  private static RuntimeException noSuchInline(PolicyHolder.Kind kind, String name) {
    return IamErrors.noSuchEntity("The " + kind.noun + " policy with name " + name + " cannot be found.");
  }
}
