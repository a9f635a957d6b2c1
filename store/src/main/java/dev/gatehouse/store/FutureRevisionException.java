package dev.gatehouse.store;

/** A read or compaction asked for a revision the store has not reached yet. */
public final class FutureRevisionException extends StoreException {
  private final long requested;
  private final long currentRevision;

  public FutureRevisionException(long requested, long currentRevision) {
    super("required revision " + requested + " is a future revision (current revision " + currentRevision + ")");
    this.requested = requested;
    this.currentRevision = currentRevision;
  }

  public long requested() {
    return requested;
  }

  public long currentRevision() {
    return currentRevision;
  }
}
