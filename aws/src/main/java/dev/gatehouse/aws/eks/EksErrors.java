package dev.gatehouse.aws.eks;

import dev.gatehouse.aws.eks.api.EksError;
import dev.gatehouse.aws.eks.api.EksException;

/**
 * EKS's error texts. Sources, per text: moto 5.2.1 {@code moto/eks/models.py}, whose messages were "obtained
 * through cURL responses from the actual APIs"; AWS answers quoted verbatim in public issue reports (named
 * below); otherwise marked unverified: the wording is Gatehouse's own, in EKS's style.
 */
final class EksErrors {
  private EksErrors() {}

  /** moto (from AWS). */
  static EksException clusterNotFound(String name) {
    return EksError.of("ResourceNotFoundException", "No cluster found for name: " + name + ".").exception();
  }

  /** moto (from AWS); the error names the cluster in {@code clusterName}, as moto's does. */
  static EksException clusterExists(String name) {
    return EksError.of("ResourceInUseException", "Cluster already exists with name: " + name).withClusterName(name)
        .exception();
  }

  /** terraform-aws-modules/terraform-aws-eks#3206. */
  static EksException bootstrapRequired() {
    return invalidParameter("bootstrapClusterCreatorAdminPermissions must be true if cluster authentication mode is "
        + "set to CONFIG_MAP");
  }

  /** pulumi/pulumi-eks#1493 (CONFIG_MAP to API), aws/aws-cdk#31032 (same mode), AWS re:Post (backwards). */
  static EksException unsupportedModeUpdate(String from, String to) {
    return invalidParameter("Unsupported authentication mode update from " + from + " to " + to);
  }

  /** terraform-aws-modules/terraform-aws-eks#3048, aws-ia/terraform-aws-eks-blueprints#1877. */
  static EksException accessEntriesDisabled() {
    return EksError.of("InvalidRequestException", "The cluster's authentication mode must be set to one of "
        + "[API, API_AND_CONFIG_MAP] to perform this operation.").exception();
  }

  /** terraform-aws-modules/terraform-aws-eks#3293 and others. */
  static EksException accessEntryExists() {
    return EksError.of("ResourceInUseException", "The specified access entry resource is already in use on this "
        + "cluster.").exception();
  }

  /** terraform-aws-modules/terraform-aws-eks#3024 (AssociateAccessPolicy). */
  static EksException accessEntryNotFound() {
    return EksError.of("ResourceNotFoundException", "The specified principalArn could not be found. You can view "
        + "your available access entries with 'list-access-entries'.").exception();
  }

  /** terraform-aws-modules/terraform-aws-eks#2969: a principal that does not exist (e.g. a role without its path). */
  static EksException invalidPrincipal() {
    return invalidParameter("The specified principalArn is invalid: invalid principal.");
  }

  /** Partly verified: AWS answered "…format is not valid []" for an empty value (aws-samples/appmod-blueprints#791). */
  static EksException principalFormat() {
    return invalidParameter("The principalArn parameter format is not valid");
  }

  /** hashicorp/terraform-provider-aws#36447. */
  static EksException serviceLinkedRole() {
    return invalidParameter("The caller is not allowed to modify access entries with a principalArn value of a "
        + "Service Linked Role");
  }

  /** aws-controllers-k8s/community#2144. */
  static EksException standardOnly() {
    return invalidParameter("This operation can only be performed on Access Entries with a type of \"STANDARD\".");
  }

  /** terraform-aws-modules/terraform-aws-eks#2915. */
  static EksException reservedGroup(String group) {
    return invalidParameter("The kubernetes group name " + group + " is invalid, it cannot start with system:");
  }

  /** Unverified: worded after the group-name error; the prefixes are the user guide's. */
  static EksException reservedUsername(String username, String prefix) {
    return invalidParameter("The username " + username + " is invalid, it cannot start with " + prefix);
  }

  /** Unverified wording; the rule is the user guide's ("the username must include a colon before {{SessionName}}"). */
  static EksException sessionNameWithoutColon(String username) {
    return invalidParameter("The username " + username + " is invalid, it must include a colon before {{SessionName}}");
  }

  /** Unverified. */
  static EksException invalidType(String type) {
    return invalidParameter("The type " + type + " is invalid. Valid values are STANDARD, EC2_LINUX, EC2_WINDOWS, "
        + "FARGATE_LINUX, HYBRID_LINUX, EC2, HYPERPOD_LINUX.");
  }

  /** Unverified wording; the rule is the user guide's (node types take a role of the cluster's account). */
  static EksException nodeTypeNeedsRole(String type) {
    return invalidParameter("Access entries of type " + type + " must use an IAM role in the cluster's account.");
  }

  /** moto's validate_role_arn (unverified against AWS). */
  static EksException invalidRoleArn(String arn) {
    return invalidParameter("Invalid Role Arn: '" + arn + "'");
  }

  /** Unverified. */
  static EksException unsupportedVersion(String version) {
    return invalidParameter("unsupported Kubernetes version " + version);
  }

  /** Unverified. */
  static EksException unknownPolicy(String policyArn) {
    return invalidParameter("The specified policyArn is invalid: " + policyArn);
  }

  /** Unverified. */
  static EksException policyNotAssociated(String policyArn) {
    return EksError.of("ResourceNotFoundException", "The access policy " + policyArn + " is not associated with the "
        + "access entry.").exception();
  }

  /** Unverified. */
  static EksException updateNotFound(String id) {
    return EksError.of("ResourceNotFoundException", "No update found for ID: " + id + ".").exception();
  }

  /** moto (from AWS): DescribeUpdate names a node group, and Gatehouse has none. */
  static EksException nodegroupNotFound(String name) {
    return EksError.of("ResourceNotFoundException", "No node group found for name: " + name + ".").exception();
  }

  /** Unverified. */
  static EksException invalidNextToken() {
    return invalidParameter("The nextToken is invalid.");
  }

  static EksException invalidParameter(String message) {
    return EksError.of("InvalidParameterException", message).exception();
  }
}
