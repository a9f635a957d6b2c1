package dev.gatehouse.store;

/** A read or watch asked for a revision older than the oldest the store still keeps. */
public final class CompactedException extends StoreException {
  private final long compactRevision;

  public CompactedException(long requested, long compactRevision) {
    super("required revision " + requested + " has been compacted (compacted revision " + compactRevision + ")");
    this.compactRevision = compactRevision;
  }

  public long compactRevision() {
    return compactRevision;
  }
}
