package dev.gatehouse.kube.authz.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Authorizer;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.handlers.ResourceContext;
import dev.gatehouse.kube.handlers.WriteGuard;
import dev.gatehouse.kube.rbac.Escalation;
import dev.gatehouse.kube.rbac.PolicyRule;
import dev.gatehouse.kube.rbac.RbacPolicy;
import dev.gatehouse.kube.rbac.ResolvedRules;
import dev.gatehouse.kube.rbac.RoleRef;
import dev.gatehouse.kube.request.RequestInfo;
import java.util.List;
import java.util.Optional;

/**
 * RBAC escalation prevention on writes of roles and bindings, as kube-apiserver's policy-based RBAC storages:
 * a role may only grant what its author holds (or may {@code escalate}); a binding may only bind a role whose
 * permissions its author holds (or may {@code bind}); an aggregationRule needs cluster-admin authority.
 */
public final class EscalationGuard implements WriteGuard {
  private final ClusterRbac rbac;
  private final Authorizer authorizer;

  public EscalationGuard(ClusterRbac rbac, Authorizer authorizer) {
    this.rbac = rbac;
    this.authorizer = authorizer;
  }

  @Override
  public void check(ResourceContext ctx, ObjectNode object, ObjectNode old) {
    if (!ctx.type().group().equals(ClusterRbac.GROUP) || Escalation.escalationAllowed(ctx.user().groups())) {
      return;
    }
    switch (ctx.type().plural()) {
      case "roles", "clusterroles" -> checkRole(ctx, object, old);
      case "rolebindings", "clusterrolebindings" -> checkBinding(ctx, object);
      default -> { }
    }
  }

  private void checkRole(ResourceContext ctx, ObjectNode role, ObjectNode old) {
    UserInfo user = ctx.user();
    String name = role.path("metadata").path("name").asText();
    String namespace = ctx.type().namespaced() ? ctx.namespace() : "";
    RbacPolicy policy = rbac.policy(ctx.clusterName());
    boolean aggregation = role.hasNonNull("aggregationRule") || old != null && old.hasNonNull("aggregationRule");
    if (aggregation && Escalation.confirmNoEscalation(policy, user.name(), user.groups(), "",
        Escalation.FULL_AUTHORITY).isPresent()) {
      throw forbidden(ctx, name, Escalation.AGGREGATION_RULE_MESSAGE);
    }
    if (allowed(ctx, user, "escalate", ctx.type().plural(), namespace, ctx.name())) {
      return;
    }
    List<PolicyRule> rules = PolicyRule.listFromJson(role.get("rules"));
    Optional<String> missing = Escalation.confirmNoEscalation(policy, user.name(), user.groups(), namespace, rules);
    if (missing.isPresent()) {
      throw forbidden(ctx, name, missing.get());
    }
  }

  private void checkBinding(ResourceContext ctx, ObjectNode binding) {
    UserInfo user = ctx.user();
    String name = binding.path("metadata").path("name").asText();
    String namespace = ctx.type().namespaced() ? ctx.namespace() : "";
    RoleRef ref = RoleRef.fromJson(binding.path("roleRef"));
    String roleResource = RoleRef.ROLE.equals(ref.kind()) ? "roles" : "clusterroles";
    if (allowed(ctx, user, "bind", roleResource, namespace, ref.name())) {
      return;
    }
    RbacPolicy policy = rbac.policy(ctx.clusterName());
    ResolvedRules referenced = policy.roleReferenceRules(ref, namespace);
    if (!referenced.errors().isEmpty()) {
      throw new StatusException(404, "NotFound", referenced.registryError(),
          StatusException.StatusDetails.of(ref.name(), ClusterRbac.GROUP, roleResource));
    }
    Optional<String> missing = Escalation.confirmNoEscalation(policy, user.name(), user.groups(), namespace,
        referenced.rules());
    if (missing.isPresent()) {
      throw forbidden(ctx, name, missing.get());
    }
  }

  private boolean allowed(ResourceContext ctx, UserInfo user, String verb, String resource, String namespace,
      String name) {
    RequestInfo question = new RequestInfo(ctx.clusterName(), true, "", verb, "", ClusterRbac.GROUP, "v1", namespace,
        resource, "", name);
    return authorizer.authorize(user, question).kind() == Decision.Kind.ALLOW;
  }

  private static StatusException forbidden(ResourceContext ctx, String name, String cause) {
    return new StatusException(403, "Forbidden", Escalation.forbiddenMessage(ctx.type().plural(), name, cause),
        StatusException.StatusDetails.of(name, ClusterRbac.GROUP, ctx.type().plural()));
  }

}
