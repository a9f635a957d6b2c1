package dev.gatehouse.iam.policy;

/** Which policy type decided a denial; {@link #NONE} when the request is allowed. */
public enum DenyCause {
  NONE,
  EXPLICIT_IDENTITY,
  EXPLICIT_RESOURCE,
  EXPLICIT_BOUNDARY,
  EXPLICIT_SESSION,
  NO_IDENTITY_ALLOW,
  NO_RESOURCE_ALLOW,
  NO_BOUNDARY_ALLOW,
  NO_SESSION_ALLOW
}
