package dev.gatehouse.store;

/** A put, keep-alive or revoke named a lease that does not exist (never granted, expired or revoked). */
public final class LeaseNotFoundException extends StoreException {
  private final long leaseId;

  public LeaseNotFoundException(long leaseId) {
    super("requested lease not found: " + leaseId);
    this.leaseId = leaseId;
  }

  public long leaseId() {
    return leaseId;
  }
}
