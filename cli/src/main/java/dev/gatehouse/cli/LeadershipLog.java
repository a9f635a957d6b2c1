package dev.gatehouse.cli;

import dev.gatehouse.coordination.election.LeadershipListener;
import dev.gatehouse.coordination.singleton.Singletons;

/**
 * Passes leadership changes to the singleton work and says so on standard output, in a line operators (and the
 * failover tests) can look for: which replica runs the singleton work is visible in its log.
 */
final class LeadershipLog implements LeadershipListener {
  private final String identity;
  private final Singletons singletons;

  LeadershipLog(String identity, Singletons singletons) {
    this.identity = identity;
    this.singletons = singletons;
  }

  @Override
  public void onStartedLeading() {
    singletons.onStartedLeading();
    System.out.println("leader election: this replica now runs the singleton work (" + identity + "): "
        + String.join(", ", singletons.running()));
    System.out.flush();
  }

  @Override
  public void onStoppedLeading() {
    singletons.onStoppedLeading();
    System.out.println("leader election: this replica stopped running the singleton work (" + identity + ")");
    System.out.flush();
  }
}
