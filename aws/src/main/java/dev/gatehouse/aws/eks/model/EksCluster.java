package dev.gatehouse.aws.eks.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EKS cluster: the EKS API's record of one Gatehouse logical cluster of the same name. Cluster names are
 * unique across the accounts and regions this Gatehouse hosts, because each one is a logical cluster URL.
 *
 * @param authenticationMode CONFIG_MAP, API_AND_CONFIG_MAP or API; changes only in that direction
 * @param creatorArn the canonical ARN of the principal that created the cluster (an assumed role as
 *     {@code role/NAME}); with {@code bootstrapClusterCreatorAdminPermissions} in CONFIG_MAP mode it is mapped
 *     to system:masters without appearing in aws-auth, as on EKS
 * @param creatorPrincipalId the creator's unique id (AIDA…/AROA…), so a re-created principal of the same name
 *     does not inherit the mapping
 * @param resourcesVpcConfig the request's VPC settings, echoed back as given
 * @param updates the cluster's config updates (UpdateClusterConfig), oldest first
 */
public record EksCluster(String name, String account, String region, String arn, String id, String roleArn,
    String version, String platformVersion, String status, Instant createdAt, String authenticationMode,
    boolean bootstrapClusterCreatorAdminPermissions, String creatorArn, String creatorPrincipalId, String endpoint,
    String certificateAuthorityData, String oidcIssuer, Map<String, Object> resourcesVpcConfig,
    Map<String, String> tags, List<EksUpdate> updates) {
  public static final String CONFIG_MAP = "CONFIG_MAP";
  public static final String API_AND_CONFIG_MAP = "API_AND_CONFIG_MAP";
  public static final String API = "API";

  public EksCluster {
    resourcesVpcConfig = resourcesVpcConfig == null ? Map.of() : Map.copyOf(resourcesVpcConfig);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    updates = updates == null ? List.of() : List.copyOf(updates);
  }

  /** The cluster after an UpdateClusterConfig that changed its authentication mode, {@code update} recorded. */
  public EksCluster withAuthenticationMode(String mode, EksUpdate update) {
    List<EksUpdate> all = new java.util.ArrayList<>(updates);
    all.add(update);
    return new EksCluster(name, account, region, arn, id, roleArn, version, platformVersion, status, createdAt, mode,
        bootstrapClusterCreatorAdminPermissions, creatorArn, creatorPrincipalId, endpoint, certificateAuthorityData,
        oidcIssuer, resourcesVpcConfig, tags, all);
  }

  /** Access entries decide who a token maps to (API and API_AND_CONFIG_MAP). */
  public boolean accessEntriesEnabled() {
    return !CONFIG_MAP.equals(authenticationMode);
  }

  /** The aws-auth ConfigMap is read (CONFIG_MAP and API_AND_CONFIG_MAP). */
  public boolean configMapEnabled() {
    return !API.equals(authenticationMode);
  }
}
