package dev.gatehouse.coordination.election;

import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A watch listener that fires once: at the first event on exactly {@code key} that {@code fires} accepts, or
 * when the store ends the watch (so the owner re-reads instead of waiting on a dead watch). The store's watch
 * is a prefix watch, hence the exact-key filter. Runs on the store's notification thread: it only completes a
 * future and wakes the election thread.
 */
final class KeySignal implements WatchListener {
  private final String key;
  private final Predicate<WatchEvent> fires;
  private final Runnable wake;
  private final CompletableFuture<String> fired = new CompletableFuture<>();

  KeySignal(String key, Predicate<WatchEvent> fires, Runnable wake) {
    this.key = key;
    this.fires = fires;
    this.wake = wake;
  }

  /** A signal that has fired already, with {@code what}. */
  static KeySignal alreadyFired(String key, String what) {
    KeySignal signal = new KeySignal(key, event -> false, () -> { });
    signal.fire(what);
    return signal;
  }

  /**
   * Completes with the event that fired (type and revision), or exceptionally with a {@link StoreException}
   * when the store ended the watch.
   */
  CompletableFuture<String> fired() {
    return fired;
  }

  /** What made it fire, for logs; null while it has not. */
  String outcome() {
    if (!fired.isDone()) {
      return null;
    }
    return fired.handle((event, error) -> error == null ? event : error.getMessage()).join();
  }

  @Override
  public void onEvents(List<WatchEvent> events) {
    for (WatchEvent event : events) {
      if (key.equals(event.kv().key()) && fires.test(event)) {
        fire(event.type() + " at revision " + event.revision());
        return;
      }
    }
  }

  @Override
  public void onClosed(Throwable cause) {
    String why = cause == null ? "" : ": " + cause.getMessage();
    if (fired.completeExceptionally(new StoreException("the watch on " + key + " ended" + why, cause))) {
      wake.run();
    }
  }

  private void fire(String what) {
    if (fired.complete(what)) {
      wake.run();
    }
  }
}
