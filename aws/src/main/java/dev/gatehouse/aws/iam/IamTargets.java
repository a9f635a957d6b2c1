package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.api.AwsException;
import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.AwsError;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The resources IAM actions are authorised against. An existing entity's ARN carries its path; an entity
 * that does not exist (yet) is named without one, as IAM's AccessDenied messages show it.
 */
public final class IamTargets {
  private final AwsState state;

  public IamTargets(AwsState state) {
    this.state = state;
  }

  public String userArn(String account, String name) {
    return state.get(AwsKeys.user(account, name), User.class).map(v -> v.value().arn())
        .orElse("arn:aws:iam::" + account + ":user/" + name);
  }

  public String groupArn(String account, String name) {
    return state.get(AwsKeys.group(account, name), Group.class).map(v -> v.value().arn())
        .orElse("arn:aws:iam::" + account + ":group/" + name);
  }

  public String roleArn(String account, String name) {
    return state.get(AwsKeys.role(account, name), Role.class).map(v -> v.value().arn())
        .orElse("arn:aws:iam::" + account + ":role/" + name);
  }

  /** Targets the user named by {@code param}, or the calling user when the parameter is absent. */
  public Function<OperationContext, Target> user(String action, String param) {
    return ctx -> Target.of(action, userArn(ctx.account(), userNameOrSelf(ctx, param)));
  }

  public Function<OperationContext, Target> group(String action) {
    return ctx -> Target.of(action, groupArn(ctx.account(), ctx.params().required("GroupName")));
  }

  public Function<OperationContext, Target> role(String action) {
    return ctx -> Target.of(action, roleArn(ctx.account(), ctx.params().required("RoleName")));
  }

  /** A list action: the resource is the entity type's root, e.g. {@code arn:aws:iam::A:user/}. */
  public static Function<OperationContext, Target> listing(String action, String type) {
    return ctx -> Target.of(action, "arn:aws:iam::" + ctx.account() + ":" + type
        + ctx.params().optional("PathPrefix").orElse("/"));
  }

  /** A create action: resource from Path + name parameter, with the request's tags as condition keys. */
  public static Function<OperationContext, Target> creating(String action, String type, String nameParam) {
    return ctx -> {
      Params p = ctx.params();
      String resource = "arn:aws:iam::" + ctx.account() + ":" + type + p.optional("Path").orElse("/")
          + p.required(nameParam);
      return new Target(action, resource, tagKeys(p.tags("Tags")));
    };
  }

  /** Adds the request's Tags as aws:RequestTag/… and aws:TagKeys to a target. */
  public static Function<OperationContext, Target> withRequestTags(Function<OperationContext, Target> target) {
    return ctx -> {
      Target t = target.apply(ctx);
      return new Target(t.action(), t.resource(), tagKeys(ctx.params().tags("Tags")));
    };
  }

  public static Map<String, List<String>> tagKeys(List<Tag> tags) {
    Map<String, List<String>> keys = new HashMap<>();
    IamAuthorizer.putRequestTags(tags, keys);
    return keys;
  }

  /** IAM actions that take an optional UserName act on the calling user when it is absent. */
  public static String userNameOrSelf(OperationContext ctx, String param) {
    return ctx.params().optional(param).orElseGet(() -> {
      if (ctx.caller().user() == null) {
        throw new AwsException(AwsError.validation("Must specify userName when calling with non-User credentials"));
      }
      return ctx.caller().user().name();
    });
  }
}
