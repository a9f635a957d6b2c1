package dev.gatehouse.coordination.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose periodic tasks run only when the test calls {@link #tick()}, on the test's thread, so
 * that "one interval later" is a step the test takes rather than a wait. Only periodic scheduling is supported.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final List<Periodic> tasks = new ArrayList<>();
  private boolean shutdown;

  /** Runs every scheduled, uncancelled periodic task once. */
  public synchronized void tick() {
    for (Periodic task : List.copyOf(tasks)) {
      if (!task.cancelled) {
        task.command.run();
      }
    }
  }

  /** Periodic tasks scheduled and not cancelled. */
  public synchronized long active() {
    return tasks.stream().filter(t -> !t.cancelled).count();
  }

  @Override
  public synchronized ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                                TimeUnit unit) {
    Periodic task = new Periodic(command);
    tasks.add(task);
    return task;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    return scheduleWithFixedDelay(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("one-shot scheduling");
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("one-shot scheduling");
  }

  @Override
  public void execute(Runnable command) {
    throw new UnsupportedOperationException("immediate execution");
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private static final class Periodic implements ScheduledFuture<Object> {
    private final Runnable command;
    private volatile boolean cancelled;

    Periodic(Runnable command) {
      this.command = command;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return 0;
    }
  }
}
