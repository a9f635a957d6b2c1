package dev.gatehouse.store;

import java.util.List;

/**
 * Receives a watch's events in revision order. Calls never overlap for one watch. A listener must not block:
 * it is called on the store's notification thread.
 */
public interface WatchListener {
  /** Events of one or more revisions, ascending. */
  void onEvents(List<WatchEvent> events);

  /** The store has moved past {@code revision} with nothing for this watch (progress notification). */
  default void onProgress(long revision) {}

  /** The watch ended: the store closed, or the listener could not keep up. No call follows. */
  default void onClosed(Throwable cause) {}
}
