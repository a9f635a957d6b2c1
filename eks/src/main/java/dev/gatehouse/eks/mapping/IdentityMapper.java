package dev.gatehouse.eks.mapping;

import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.eks.token.AwsIdentity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps a verified AWS identity to a Kubernetes user of one logical cluster, in EKS's order:
 * <ol>
 *   <li>an access entry, when the cluster's authentication mode enables them (API, API_AND_CONFIG_MAP) — so
 *       an entry wins over aws-auth for the same principal;</li>
 *   <li>in CONFIG_MAP mode, the cluster creator (bootstrapClusterCreatorAdminPermissions) as
 *       {@code kubernetes-admin} in {@code system:masters}, a mapping aws-auth does not show;</li>
 *   <li>aws-auth {@code mapRoles} then {@code mapUsers}, when the mode reads the ConfigMap;</li>
 *   <li>aws-auth {@code mapAccounts}: the canonical ARN as username, no groups.</li>
 * </ol>
 * A logical cluster without an EKS cluster record is treated as CONFIG_MAP mode without a creator.
 *
 * <p>Access entries match the principal's unique ID (so a deleted and re-created role of the same name does
 * not inherit the entry) and, as aws-iam-authenticator's strict dynamic-file mapper does, the entry's ARN with
 * its path removed must equal the caller's canonical ARN. aws-auth ARNs match the canonical ARN
 * case-insensitively as written, so a {@code rolearn} with a path never matches (upstream issue 268).
 */
public final class IdentityMapper {
  public static final String CREATOR_USERNAME = "kubernetes-admin";
  public static final String NODES_GROUP = "system:nodes";
  private static final String CONFIG_MAP_MAPPER = "EKSConfigMap";

  private final EksDirectory eks;
  private final Function<String, AwsAuthConfig> awsAuth;
  private final List<String> reservedPrefixes;

  /** No reserved username prefixes for aws-auth mappings: upstream's default, and EKS's node mappings need {@code system:}. */
  public IdentityMapper(EksDirectory eks, Function<String, AwsAuthConfig> awsAuth) {
    this(eks, awsAuth, List.of());
  }

  /**
   * @param awsAuth the aws-auth mapping in force for a logical cluster (e.g. {@link AwsAuthMappings#current})
   * @param awsAuthReservedPrefixes upstream's {@code usernamePrefixReserveList} for the EKSConfigMap mapper
   */
  public IdentityMapper(EksDirectory eks, Function<String, AwsAuthConfig> awsAuth,
      List<String> awsAuthReservedPrefixes) {
    this.eks = eks;
    this.awsAuth = awsAuth;
    this.reservedPrefixes = List.copyOf(awsAuthReservedPrefixes);
  }

  public MappingResult map(String cluster, AwsIdentity id) {
    Optional<EksCluster> eksCluster = eks.cluster(cluster);
    String mode = eksCluster.map(EksCluster::authenticationMode).orElse(EksCluster.CONFIG_MAP);
    boolean entriesEnabled = eksCluster.map(EksCluster::accessEntriesEnabled).orElse(false);
    boolean configMapEnabled = eksCluster.map(EksCluster::configMapEnabled).orElse(true);
    String who = id.arn() + " in cluster \"" + cluster + "\"";
    List<String> tried = new ArrayList<>();

    if (entriesEnabled) {
      Optional<MappingResult> byEntry = byAccessEntry(cluster, id, who, tried);
      if (byEntry.isPresent()) {
        return byEntry.get();
      }
    } else if (eksCluster.isPresent()) {
      EksCluster c = eksCluster.get();
      if (c.bootstrapClusterCreatorAdminPermissions() && c.creatorPrincipalId() != null
          && c.creatorPrincipalId().equals(id.principalId())) {
        return new MappingResult.Mapped(CREATOR_USERNAME, List.of("system:masters"),
            "cluster creator " + c.creatorArn() + " (bootstrapClusterCreatorAdminPermissions)");
      }
    }

    if (configMapEnabled) {
      AwsAuthConfig config = awsAuth.apply(cluster);
      Optional<MappingResult> byConfigMap = byAwsAuth(config, id, who);
      if (byConfigMap.isPresent()) {
        return byConfigMap.get();
      }
      tried.add("no aws-auth mapRoles or mapUsers entry matches " + id.canonicalArn());
      if (config.accountAllowed(id.accountId())) {
        return new MappingResult.Mapped(id.canonicalArn(), List.of(), "aws-auth mapAccounts " + id.accountId());
      }
      tried.add("account " + id.accountId() + " is not in aws-auth mapAccounts");
    } else {
      tried.add("aws-auth is not read in authenticationMode " + mode);
    }
    if (!entriesEnabled && eksCluster.isPresent()) {
      tried.add("access entries are not used in authenticationMode " + mode);
    }
    return new MappingResult.Unmapped("identity is not mapped: " + who + ": " + String.join("; ", tried));
  }

  private Optional<MappingResult> byAccessEntry(String cluster, AwsIdentity id, String who, List<String> tried) {
    AccessEntry stale = null;
    for (AccessEntry e : eks.accessEntries(cluster)) {
      boolean sameId = e.principalId() != null && e.principalId().equals(id.principalId());
      boolean sameArn = PrincipalArns.stripPath(e.principalArn()).equalsIgnoreCase(id.canonicalArn())
          && PrincipalArns.account(e.principalArn()).equals(id.accountId());
      if (sameId && sameArn) {
        return Optional.of(fromEntry(e, id, who));
      }
      if (sameId) {
        tried.add("access entry " + e.principalArn() + " has principal id " + id.principalId()
            + " but its ARN does not match " + id.canonicalArn());
      } else if (sameArn) {
        stale = e;
      }
    }
    if (stale != null) {
      tried.add("access entry " + stale.principalArn() + " was created for principal id " + stale.principalId()
          + ", not " + id.principalId() + " (was the principal deleted and re-created?)");
    } else {
      tried.add("no access entry for principal id " + id.principalId());
    }
    return Optional.empty();
  }

  private MappingResult fromEntry(AccessEntry e, AwsIdentity id, String who) {
    String template = e.username() == null || e.username().isBlank() ? defaultUsername(e) : e.username();
    Set<String> groups = new LinkedHashSet<>(e.kubernetesGroups());
    if (isNodeType(e.type())) {
      groups.add(NODES_GROUP);
    }
    String source = "access entry " + e.principalArn() + " (" + typeOf(e) + ")";
    Templates.RenderedMapping rendered = Templates.renderMapping(template, List.copyOf(groups), id);
    if (rendered instanceof Templates.RenderedMapping.Failed f) {
      return new MappingResult.Unmapped("cannot map " + who + " by " + source + ": " + f.reason());
    }
    Templates.RenderedMapping.Done done = (Templates.RenderedMapping.Done) rendered;
    return new MappingResult.Mapped(done.username(), done.groups(), source);
  }

  /** EKS's generated usernames (grant-k8s-access.adoc, "Create access entries"). */
  static String defaultUsername(AccessEntry e) {
    switch (typeOf(e)) {
      case "EC2_LINUX", "EC2_WINDOWS":
        return "system:node:" + Templates.EC2_PRIVATE_DNS_NAME;
      case "FARGATE_LINUX", "HYBRID_LINUX", "EC2", "HYPERPOD_LINUX":
        return "system:node:{{SessionName}}";
      default:
        String arn = e.principalArn();
        if (PrincipalArns.isRole(arn)) {
          return "arn:" + PrincipalArns.partition(arn) + ":sts::" + PrincipalArns.account(arn) + ":assumed-role/"
              + PrincipalArns.name(arn) + "/{{SessionName}}";
        }
        return arn;
    }
  }

  private static String typeOf(AccessEntry e) {
    return e.type() == null || e.type().isBlank() ? "STANDARD" : e.type().toUpperCase(Locale.ROOT);
  }

  private static boolean isNodeType(String type) {
    return type != null && !type.isBlank() && !"STANDARD".equalsIgnoreCase(type);
  }

  private Optional<MappingResult> byAwsAuth(AwsAuthConfig config, AwsIdentity id, String who) {
    String subject = id.canonicalArn().toLowerCase(Locale.ROOT);
    Optional<RoleMapping> role = config.role(subject);
    if (role.isPresent()) {
      RoleMapping r = role.get();
      return Optional.of(fromAwsAuth(r.username(), r.groups(), "aws-auth " + r.describe(), id, who));
    }
    Optional<UserMapping> user = config.user(subject);
    if (user.isPresent()) {
      UserMapping u = user.get();
      return Optional.of(fromAwsAuth(u.username(), u.groups(), "aws-auth mapUsers userarn " + u.userArn(), id, who));
    }
    return Optional.empty();
  }

  private MappingResult fromAwsAuth(String username, List<String> groups, String source, AwsIdentity id,
      String who) {
    Templates.RenderedMapping rendered = Templates.renderMapping(username, groups, id);
    if (rendered instanceof Templates.RenderedMapping.Failed f) {
      return new MappingResult.Unmapped("cannot map " + who + " by " + source + ": mapper " + CONFIG_MAP_MAPPER
          + " renderTemplates error: " + f.reason());
    }
    Templates.RenderedMapping.Done done = (Templates.RenderedMapping.Done) rendered;
    if (done.username().isEmpty()) {
      // Upstream would hand Kubernetes an empty username; refuse instead of authenticating nobody in particular.
      return new MappingResult.Unmapped("cannot map " + who + " by " + source + ": the mapping has no username");
    }
    for (String prefix : reservedPrefixes) {
      if (!prefix.isEmpty() && done.username().startsWith(prefix)) {
        return new MappingResult.Unmapped("cannot map " + who + " by " + source + ": invalid username '"
            + done.username() + "' for mapper " + CONFIG_MAP_MAPPER
            + ": username must not begin with with the following prefixes: [" + String.join(" ", reservedPrefixes)
            + "]");
      }
    }
    return new MappingResult.Mapped(done.username(), done.groups(), source);
  }
}
