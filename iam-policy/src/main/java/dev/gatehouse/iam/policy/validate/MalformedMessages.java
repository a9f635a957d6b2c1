package dev.gatehouse.iam.policy.validate;

/**
 * The {@code MalformedPolicyDocument} message texts, exactly as IAM returns them (observed through moto's validator,
 * getmoto/moto moto/iam/policy_validation.py, Apache-2.0, and user reports of real AWS answers). Clients print these,
 * so they must not be reworded.
 */
public final class MalformedMessages {
  private MalformedMessages() {}

  public static final String SYNTAX = "Syntax errors in policy.";
  public static final String VERSION = "Policy document must be version 2012-10-17 or greater.";
  public static final String LEGACY_PARSING = "The policy failed legacy parsing";
  public static final String SID_UNIQUE = "Statement IDs (SID) in a single policy must be unique.";
  /** Real IAM answer for Sids with other characters (IAM policies only; resource policies of other services differ). */
  public static final String SID_ALPHANUMERIC = "Statement IDs (SID) must be alpha-numeric. "
      + "Check that your input satisfies the regular expression [0-9A-Za-z]*";
  public static final String MISSING_ACTIONS = "Policy statement must contain actions.";
  public static final String MISSING_RESOURCES = "Policy statement must contain resources.";
  public static final String ACTION_VENDOR_PREFIX =
      "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
  public static final String ACTION_ONE_COLON = "Actions/Condition can contain only one colon.";
  public static final String RESOURCE_VENDOR = "Resource vendor must be fully qualified and cannot contain regexes.";
  /** What CreatePolicy / PutUserPolicy answer for a Principal element (the console says "Has prohibited field Principal"). */
  public static final String IDENTITY_WITH_PRINCIPAL = "Policy document should not specify a principal.";
  public static final String TRUST_WITH_RESOURCE = "Has prohibited field Resource.";
  /** Two spaces before "and": that is the text moto reproduces. */
  public static final String TRUST_ACTIONS = "Trust Policy statement actions can only be sts:AssumeRole, "
      + "sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity";
  public static final String NO_PRINCIPALS = "Invalid principal in policy: "
      + "com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!";
  public static final String IAM_PATH = "IAM resource path must either be \"*\" or start with user/, federated-user/, "
      + "role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, "
      + "oidc-provider/, report/, access-report/.";

  public static String vendorNotValid(String vendor) {
    return "Vendor " + vendor + " is not valid";
  }

  public static String resourceNotArn(String resource) {
    return "Resource " + resource + " must be in ARN format or \"*\".";
  }

  public static String partitionNotValid(String partition, String shownResource) {
    return "Partition \"" + partition + "\" is not valid for resource \"" + shownResource + "\".";
  }

  public static String iamRegion(String resource) {
    return "IAM resource " + resource + " cannot contain region information.";
  }

  public static String s3Region(String resource) {
    return "Resource " + resource + " can not contain region information.";
  }

  /** The quota message for a document longer than {@code limit} non-whitespace characters (checked by callers). */
  public static String policySize(int limit) {
    return "Cannot exceed quota for PolicySize: " + limit;
  }

  /** As IAM prints it: {@code Invalid principal in policy: "AWS":"value"}. */
  public static String invalidPrincipal(String type, String value) {
    return "Invalid principal in policy: \"" + type + "\":\"" + value + "\"";
  }
}
