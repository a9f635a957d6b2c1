package dev.gatehouse.iam.policy.validate;

/**
 * The structural rules that differ between kinds of policy document. Identity policies (and permissions boundaries
 * and session policies, which IAM validates the same way) forbid Principal and need Resource; trust policies need
 * Principal, forbid Resource and accept only STS actions; other resource-based policies need both.
 *
 * @param requireLatestVersion Version must be 2012-10-17 (IAM rejects a missing or 2008-10-17 version on
 *     CreatePolicy / PutUserPolicy); trust and resource policies still accept 2008-10-17
 * @param principal whether Principal / NotPrincipal is forbidden, required or optional
 * @param requireResource every statement needs Resource or NotResource
 * @param forbidResource no statement may have Resource or NotResource (trust policies)
 * @param stsActionsOnly actions must be STS actions (trust policies)
 * @param alphanumericSids Sids must match [0-9A-Za-z]* (IAM-stored documents)
 */
public record ValidationRules(boolean requireLatestVersion, PrincipalRule principal, boolean requireResource,
    boolean forbidResource, boolean stsActionsOnly, boolean alphanumericSids) {

  public enum PrincipalRule { FORBIDDEN, REQUIRED }

  public static final ValidationRules IDENTITY =
      new ValidationRules(true, PrincipalRule.FORBIDDEN, true, false, false, true);
  public static final ValidationRules TRUST =
      new ValidationRules(false, PrincipalRule.REQUIRED, false, true, true, true);
  public static final ValidationRules RESOURCE =
      new ValidationRules(false, PrincipalRule.REQUIRED, true, false, false, false);
}
