package dev.gatehouse.aws.eks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.eks.api.EksJson;
import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.AssociatedAccessPolicy;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.eks.model.EksUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The EKS model's response structures (Cluster, AccessEntry, Update, AssociatedAccessPolicy) in model member
 * order. Members Gatehouse has no real value for (VPC ids, logging, network config) are filled plausibly and
 * stably, shaped as aws/aws-cli@1.45.11 {@code awscli/examples/eks/describe-cluster.rst} shows them.
 */
final class EksShapes {
  private static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager",
      "scheduler");

  private EksShapes() {}

  static ObjectNode cluster(EksCluster c, String status) {
    ObjectNode out = EksJson.object();
    out.put("name", c.name());
    out.put("arn", c.arn());
    out.set("createdAt", EksJson.time(c.createdAt()));
    out.put("version", c.version());
    out.put("endpoint", c.endpoint());
    out.put("roleArn", c.roleArn());
    out.set("resourcesVpcConfig", vpcConfig(c));
    ObjectNode network = out.putObject("kubernetesNetworkConfig");
    network.put("serviceIpv4Cidr", "10.100.0.0/16");
    network.put("ipFamily", "ipv4");
    network.putObject("elasticLoadBalancing").put("enabled", false);
    ObjectNode logging = out.putObject("logging").putArray("clusterLogging").addObject();
    logging.set("types", EksJson.strings(LOG_TYPES));
    logging.put("enabled", false);
    out.putObject("identity").putObject("oidc").put("issuer", c.oidcIssuer());
    out.put("status", status);
    out.putObject("certificateAuthority").put("data", c.certificateAuthorityData());
    out.put("platformVersion", c.platformVersion());
    out.set("tags", EksJson.stringMap(c.tags()));
    out.putObject("health").putArray("issues");
    ObjectNode access = out.putObject("accessConfig");
    access.put("bootstrapClusterCreatorAdminPermissions", c.bootstrapClusterCreatorAdminPermissions());
    access.put("authenticationMode", c.authenticationMode());
    out.putObject("upgradePolicy").put("supportType", "EXTENDED");
    return out;
  }

  /** The request's VPC settings echoed, with the members EKS adds (VPC and cluster security group ids). */
  private static ObjectNode vpcConfig(EksCluster c) {
    Map<String, Object> given = c.resourcesVpcConfig();
    ObjectNode out = EksJson.object();
    out.set("subnetIds", EksJson.strings(strings(given.get("subnetIds"))));
    out.set("securityGroupIds", EksJson.strings(strings(given.get("securityGroupIds"))));
    out.put("clusterSecurityGroupId", "sg-" + stableHex(c.arn() + "/sg"));
    out.put("vpcId", "vpc-" + stableHex(c.arn() + "/vpc"));
    out.put("endpointPublicAccess", !Boolean.FALSE.equals(given.get("endpointPublicAccess")));
    out.put("endpointPrivateAccess", Boolean.TRUE.equals(given.get("endpointPrivateAccess")));
    List<String> cidrs = strings(given.get("publicAccessCidrs"));
    out.set("publicAccessCidrs", EksJson.strings(cidrs.isEmpty() ? List.of("0.0.0.0/0") : cidrs));
    return out;
  }

  static ObjectNode entry(AccessEntry e) {
    ObjectNode out = EksJson.object();
    out.put("clusterName", e.clusterName());
    out.put("principalArn", e.principalArn());
    out.set("kubernetesGroups", EksJson.strings(e.kubernetesGroups()));
    out.put("accessEntryArn", e.accessEntryArn());
    out.set("createdAt", EksJson.time(e.createdAt()));
    out.set("modifiedAt", EksJson.time(e.modifiedAt()));
    out.set("tags", EksJson.stringMap(e.tags()));
    out.put("username", e.username());
    out.put("type", e.type());
    return out;
  }

  static ObjectNode update(EksUpdate u) {
    ObjectNode out = EksJson.object();
    out.put("id", u.id());
    out.put("status", u.status());
    out.put("type", u.type());
    ArrayNode params = out.putArray("params");
    for (EksUpdate.Param p : u.params()) {
      params.addObject().put("type", p.type()).put("value", p.value());
    }
    out.set("createdAt", EksJson.time(u.createdAt()));
    out.putArray("errors");
    return out;
  }

  static ObjectNode associated(AssociatedAccessPolicy p) {
    ObjectNode out = EksJson.object();
    out.put("policyArn", p.policyArn());
    ObjectNode scope = out.putObject("accessScope");
    scope.put("type", p.scopeType());
    scope.set("namespaces", EksJson.strings(p.namespaces()));
    out.set("associatedAt", EksJson.time(p.associatedAt()));
    out.set("modifiedAt", EksJson.time(p.modifiedAt()));
    return out;
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  /** 17 hex digits derived from {@code seed}: ids that look like EC2's and stay the same on every read. */
  private static String stableHex(String seed) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 17);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
