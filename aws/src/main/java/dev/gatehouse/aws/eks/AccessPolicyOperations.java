package dev.gatehouse.aws.eks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.eks.api.EksContext;
import dev.gatehouse.aws.eks.api.EksFields;
import dev.gatehouse.aws.eks.api.EksJson;
import dev.gatehouse.aws.eks.api.EksOperationSpec;
import dev.gatehouse.aws.eks.api.EksRequest;
import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.AssociatedAccessPolicy;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.state.AwsKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Access policies: the fixed catalogue (ListAccessPolicies) and their association with STANDARD access entries,
 * scoped to the cluster or to namespaces. Associating a policy that is already associated replaces its scope.
 */
final class AccessPolicyOperations {
  private static final String POLICIES_URI = "/clusters/{name}/access-entries/{principalArn}/access-policies";
  /** A namespace name (DNS label), or a prefix of one followed by {@code *}. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?|[a-z0-9][-a-z0-9]{0,61}\\*");

  private final EksServices eks;

  AccessPolicyOperations(EksServices eks) {
    this.eks = eks;
  }

  List<EksOperationSpec> specs() {
    return List.of(
        new EksOperationSpec("ListAccessPolicies", "GET", "/access-policies",
            ctx -> Target.of("eks:ListAccessPolicies", "*"), this::listPolicies),
        new EksOperationSpec("AssociateAccessPolicy", "POST", POLICIES_URI, this::associateTarget, this::associate),
        new EksOperationSpec("ListAssociatedAccessPolicies", "GET", POLICIES_URI,
            ctx -> entryTarget(ctx, "eks:ListAssociatedAccessPolicies", Map.of()), this::listAssociated),
        new EksOperationSpec("DisassociateAccessPolicy", "DELETE", POLICIES_URI + "/{policyArn}",
            ctx -> entryTarget(ctx, "eks:DisassociateAccessPolicy",
                Map.of("eks:policyArn", List.of(ctx.request().label("policyArn")))), this::disassociate));
  }

  private Target entryTarget(EksContext ctx, String action, Map<String, List<String>> keys) {
    return eks.entryTarget(ctx, action, ctx.request().label("name"), ctx.request().label("principalArn"), keys);
  }

  private ObjectNode listPolicies(EksContext ctx) {
    EksPage<String> page = EksPage.of(AccessPolicies.NAMES, n -> String.format("%03d", AccessPolicies.NAMES.indexOf(n)),
        ctx.request());
    ObjectNode out = EksJson.object();
    ArrayNode policies = out.putArray("accessPolicies");
    page.items().forEach(n -> policies.addObject().put("name", n).put("arn", AccessPolicies.arn(n)));
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  private Target associateTarget(EksContext ctx) {
    EksFields body = ctx.request().body();
    Map<String, List<String>> keys = new HashMap<>();
    body.string("policyArn").ifPresent(p -> keys.put("eks:policyArn", List.of(p)));
    body.object("accessScope").ifPresent(scope -> {
      scope.string("type").ifPresent(t -> keys.put("eks:accessScope", List.of(t)));
      scope.strings("namespaces").filter(n -> !n.isEmpty()).ifPresent(n -> keys.put("eks:namespaces", n));
    });
    return entryTarget(ctx, "eks:AssociateAccessPolicy", keys);
  }

  private ObjectNode associate(EksContext ctx) {
    EksCluster cluster = eks.clusterWithAccessEntries(ctx, ctx.request().label("name"));
    AccessEntry entry = eks.requiredEntry(cluster.name(), ctx.request().label("principalArn"));
    EksFields body = ctx.request().body();
    String policyArn = body.requiredString("policyArn");
    EksFields scope = body.requiredObject("accessScope");
    String type = scope.requiredString("type");
    List<String> namespaces = scope.strings("namespaces").orElse(List.of());
    if (!entry.type().equals(AccessEntryRules.STANDARD)) {
      throw EksErrors.standardOnly();
    }
    if (!AccessPolicies.exists(policyArn)) {
      throw EksErrors.unknownPolicy(policyArn);
    }
    checkScope(type, namespaces);
    List<AssociatedAccessPolicy> policies = new ArrayList<>();
    AssociatedAccessPolicy associated = null;
    for (AssociatedAccessPolicy p : entry.accessPolicies()) {
      if (p.policyArn().equals(policyArn)) {
        associated = new AssociatedAccessPolicy(policyArn, type, namespaces, p.associatedAt(), ctx.now());
        policies.add(associated);
      } else {
        policies.add(p);
      }
    }
    if (associated == null) {
      associated = new AssociatedAccessPolicy(policyArn, type, namespaces, ctx.now(), ctx.now());
      policies.add(associated);
    }
    eks.commit(eks.batch().put(AwsKeys.accessEntry(cluster.name(), entry.principalArn()),
        entry.withAccessPolicies(policies)));
    ObjectNode out = EksJson.object();
    out.put("clusterName", cluster.name());
    out.put("principalArn", entry.principalArn());
    out.set("associatedAccessPolicy", EksShapes.associated(associated));
    return out;
  }

  private ObjectNode listAssociated(EksContext ctx) {
    EksCluster cluster = eks.clusterWithAccessEntries(ctx, ctx.request().label("name"));
    AccessEntry entry = eks.requiredEntry(cluster.name(), ctx.request().label("principalArn"));
    List<AssociatedAccessPolicy> sorted = entry.accessPolicies().stream()
        .sorted(Comparator.comparing(AssociatedAccessPolicy::policyArn)).toList();
    EksPage<AssociatedAccessPolicy> page = EksPage.of(sorted, AssociatedAccessPolicy::policyArn, ctx.request());
    ObjectNode out = EksJson.object();
    out.put("clusterName", cluster.name());
    out.put("principalArn", entry.principalArn());
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    ArrayNode items = out.putArray("associatedAccessPolicies");
    page.items().forEach(p -> items.add(EksShapes.associated(p)));
    return out;
  }

  private ObjectNode disassociate(EksContext ctx) {
    EksCluster cluster = eks.clusterWithAccessEntries(ctx, ctx.request().label("name"));
    AccessEntry entry = eks.requiredEntry(cluster.name(), ctx.request().label("principalArn"));
    String policyArn = ctx.request().label("policyArn");
    List<AssociatedAccessPolicy> remaining = entry.accessPolicies().stream()
        .filter(p -> !p.policyArn().equals(policyArn)).toList();
    if (remaining.size() == entry.accessPolicies().size()) {
      throw EksErrors.policyNotAssociated(policyArn);
    }
    eks.commit(eks.batch().put(AwsKeys.accessEntry(cluster.name(), entry.principalArn()),
        entry.withAccessPolicies(remaining)));
    return EksJson.object();
  }

  /** Unverified texts: the rules are the model's (namespaces required for, and only for, the namespace scope). */
  private static void checkScope(String type, List<String> namespaces) {
    switch (type) {
      case "cluster" -> {
        if (!namespaces.isEmpty()) {
          throw EksErrors.invalidParameter("Namespaces can't be specified for an accessScope of type cluster.");
        }
      }
      case "namespace" -> {
        if (namespaces.isEmpty()) {
          throw EksErrors.invalidParameter("At least one namespace must be specified for an accessScope of type "
              + "namespace.");
        }
        for (String ns : namespaces) {
          if (!NAMESPACE.matcher(ns).matches()) {
            throw EksErrors.invalidParameter("The namespace " + ns + " is not a valid Kubernetes namespace name.");
          }
        }
      }
      default -> throw EksRequest.invalid("Value '" + type + "' at 'accessScope.type' "
          + "failed to satisfy constraint: Member must satisfy enum value set: [cluster, namespace]");
    }
  }
}
