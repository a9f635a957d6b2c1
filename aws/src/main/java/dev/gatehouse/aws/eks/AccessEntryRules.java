package dev.gatehouse.aws.eks;

import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.AssociatedAccessPolicy;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of access entries, from the EKS user guide ("Create access entries", "Set a custom username") and
 * the CreateAccessEntry documentation: types, which principals each type takes, default usernames and groups,
 * reserved username and group prefixes, and the {@code {{SessionName}}} colon rule.
 */
final class AccessEntryRules {
  static final String STANDARD = "STANDARD";
  static final Set<String> TYPES = Set.of(STANDARD, "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX", "HYBRID_LINUX", "EC2",
      "HYPERPOD_LINUX");
  /** Node types whose principal gets {@code system:nodes} (the CLI's create-access-entry example for EC2_LINUX). */
  private static final Set<String> EC2_NODE_TYPES = Set.of("EC2_LINUX", "EC2_WINDOWS");
  private static final List<String> RESERVED_USERNAME_PREFIXES = List.of("system:", "eks:", "aws:", "amazon:", "iam:");

  private AccessEntryRules() {}

  /** The principal's unique id (AIDA…/AROA…), looked up in the IAM of the account its ARN names. */
  static String principalId(AwsState state, PrincipalArn principal) {
    Optional<String> id = principal.isRole()
        ? state.get(AwsKeys.role(principal.account(), principal.name()), Role.class).map(AwsState.Versioned::value)
            .filter(r -> r.arn().equals(principal.arn())).map(Role::id)
        : state.get(AwsKeys.user(principal.account(), principal.name()), User.class).map(AwsState.Versioned::value)
            .filter(u -> u.arn().equals(principal.arn())).map(User::id);
    return id.orElseThrow(EksErrors::invalidPrincipal);
  }

  static String checkType(String type) {
    if (!TYPES.contains(type)) {
      throw EksErrors.invalidType(type);
    }
    return type;
  }

  /** Node types take a role of the cluster's account and neither groups nor a username. */
  static void checkPrincipalForType(String type, PrincipalArn principal, EksCluster cluster, boolean customized) {
    if (type.equals(STANDARD)) {
      return;
    }
    if (!principal.isRole() || !principal.account().equals(cluster.account())) {
      throw EksErrors.nodeTypeNeedsRole(type);
    }
    if (customized) {
      throw EksErrors.standardOnly();
    }
  }

  static void checkGroups(List<String> groups) {
    for (String group : groups) {
      if (group.startsWith("system:")) {
        throw EksErrors.reservedGroup(group);
      }
    }
  }

  static void checkUsername(String username) {
    for (String prefix : RESERVED_USERNAME_PREFIXES) {
      if (username.startsWith(prefix)) {
        throw EksErrors.reservedUsername(username, prefix);
      }
    }
    int template = firstSessionTemplate(username);
    if (template >= 0 && username.lastIndexOf(':', template) < 0) {
      throw EksErrors.sessionNameWithoutColon(username);
    }
  }

  /** Where {@code {{SessionName}}} or {@code {{SessionNameRaw}}} first appears, or -1. */
  private static int firstSessionTemplate(String username) {
    return username.indexOf("{{SessionName");
  }

  /** The username EKS sets for a type when none is given (the user guide's table). */
  static String defaultUsername(String type, PrincipalArn principal) {
    return switch (type) {
      case STANDARD -> principal.defaultStandardUsername();
      case "EC2_LINUX", "EC2_WINDOWS", "EC2", "HYPERPOD_LINUX" -> "system:node:{{EC2PrivateDNSName}}";
      case "FARGATE_LINUX", "HYBRID_LINUX" -> "system:node:{{SessionName}}";
      default -> throw new IllegalArgumentException("eks: no default username for type " + type);
    };
  }

  static List<String> defaultGroups(String type) {
    return EC2_NODE_TYPES.contains(type) ? List.of("system:nodes") : List.of();
  }

  /**
   * A new entry; its ARN follows the documented form
   * {@code arn:aws:eks:REGION:ACCOUNT:access-entry/CLUSTER/user|role/PRINCIPAL_ACCOUNT/NAME/UUID}.
   */
  static AccessEntry newEntry(EksCluster cluster, PrincipalArn principal, String principalId, String type,
      String username, List<String> groups, Map<String, String> tags, List<AssociatedAccessPolicy> policies,
      Instant now) {
    String arn = "arn:aws:eks:" + cluster.region() + ":" + cluster.account() + ":access-entry/" + cluster.name() + "/"
        + principal.kind() + "/" + principal.account() + "/" + principal.name() + "/" + UUID.randomUUID();
    return new AccessEntry(cluster.name(), cluster.account(), principal.arn(), principalId, type, username, groups,
        arn, now, now, tags, policies);
  }

  /** The cluster creator's admin entry that {@code bootstrapClusterCreatorAdminPermissions} creates. */
  static AccessEntry creatorEntry(EksCluster cluster, Instant now) {
    PrincipalArn creator = PrincipalArn.parse(cluster.creatorArn());
    AssociatedAccessPolicy admin = new AssociatedAccessPolicy(AccessPolicies.CLUSTER_ADMIN, "cluster", List.of(), now,
        now);
    return newEntry(cluster, creator, cluster.creatorPrincipalId(), STANDARD, creator.defaultStandardUsername(),
        List.of(), Map.of(), List.of(admin), now);
  }
}
