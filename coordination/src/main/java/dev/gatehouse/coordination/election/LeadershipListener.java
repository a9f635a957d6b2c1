package dev.gatehouse.coordination.election;

/**
 * Told when this replica gains and loses leadership. Both methods run on the election's callback thread, one
 * at a time, strictly alternating and starting with {@link #onStartedLeading()}. They should return promptly:
 * start or stop the work and return, rather than doing the work on the callback thread.
 */
public interface LeadershipListener {
  /** This replica now holds the election key; singleton work may start. */
  void onStartedLeading();

  /**
   * This replica no longer leads (resigned, renewal failed or the key was lost) and must stop its singleton
   * work now: another replica may take over as soon as the lease is gone.
   */
  void onStoppedLeading();
}
