package dev.gatehouse.aws.model;

import java.time.Instant;

/**
 * A long-term access key of an IAM user. The secret is kept because SigV4 verification needs it, exactly as
 * AWS keeps it; it is never logged and only returned once, by CreateAccessKey.
 *
 * @param status "Active" or "Inactive"
 * @param lastUsed null until the key signs a request; updated at most every few minutes
 */
public record AccessKey(String accessKeyId, String secret, String account, String userName, String status,
    Instant created, Instant lastUsed, String lastUsedService, String lastUsedRegion) {
  public boolean active() {
    return status.equals("Active");
  }

  public AccessKey withStatus(String newStatus) {
    return new AccessKey(accessKeyId, secret, account, userName, newStatus, created, lastUsed, lastUsedService, lastUsedRegion);
  }

  public AccessKey withLastUsed(Instant when, String service, String region) {
    return new AccessKey(accessKeyId, secret, account, userName, status, created, when, service, region);
  }

  public AccessKey withUserName(String newUserName) {
    return new AccessKey(accessKeyId, secret, account, newUserName, status, created, lastUsed, lastUsedService, lastUsedRegion);
  }
}
