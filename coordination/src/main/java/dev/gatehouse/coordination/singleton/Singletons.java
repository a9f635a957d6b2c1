package dev.gatehouse.coordination.singleton;

import dev.gatehouse.coordination.election.LeadershipListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The singleton tasks of one replica, run while it leads: pass it as the {@link LeadershipListener} of a
 * {@link dev.gatehouse.coordination.election.LeaderElection}. On leadership gained every registered task
 * starts (one that fails to start is logged and the others start anyway; it is tried again at the next
 * leadership); on leadership lost the running ones stop, in reverse order. A task registered while leading
 * starts at once. Thread-safe.
 */
public final class Singletons implements LeadershipListener {
  private static final Logger log = LoggerFactory.getLogger(Singletons.class);

  private final Map<String, SingletonTask> tasks = new LinkedHashMap<>();
  /** Handles of the started tasks, in start order. */
  private final Map<String, AutoCloseable> running = new LinkedHashMap<>();
  private boolean leading;

  /** Adds a task; starts it now when this replica leads. */
  public synchronized void register(SingletonTask task) {
    Objects.requireNonNull(task, "task");
    String name = Objects.requireNonNull(task.name(), "task name");
    if (tasks.containsKey(name)) {
      throw new IllegalArgumentException("singleton task " + name + " is already registered");
    }
    tasks.put(name, task);
    if (leading) {
      start(name, task);
    }
  }

  /** Names of the tasks running now, in the order they started. */
  public synchronized List<String> running() {
    return List.copyOf(running.keySet());
  }

  /** Whether the last leadership callback was {@link #onStartedLeading()}. */
  public synchronized boolean leading() {
    return leading;
  }

  @Override
  public synchronized void onStartedLeading() {
    leading = true;
    tasks.forEach((name, task) -> {
      if (!running.containsKey(name)) {
        start(name, task);
      }
    });
  }

  @Override
  public synchronized void onStoppedLeading() {
    leading = false;
    List<Map.Entry<String, AutoCloseable>> started = new ArrayList<>(running.entrySet());
    running.clear();
    for (int i = started.size() - 1; i >= 0; i--) {
      stop(started.get(i).getKey(), started.get(i).getValue());
    }
  }

  private void start(String name, SingletonTask task) {
    try {
      AutoCloseable handle = task.start();
      running.put(name, handle == null ? () -> { } : handle);
      log.info("singletons: started {}", name);
    } catch (Exception e) {
      log.error("singletons: {} failed to start; it is retried when this replica next becomes leader", name, e);
    }
  }

  private static void stop(String name, AutoCloseable handle) {
    try {
      handle.close();
      log.info("singletons: stopped {}", name);
    } catch (Exception e) {
      log.error("singletons: {} failed to stop cleanly", name, e);
    }
  }
}
