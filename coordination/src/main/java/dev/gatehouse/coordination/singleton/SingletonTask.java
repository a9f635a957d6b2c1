package dev.gatehouse.coordination.singleton;

/** Work that must run on one replica at a time, started and stopped by {@link Singletons}. */
public interface SingletonTask {
  /** Unique among the tasks of one {@link Singletons}; used in logs and {@link Singletons#running()}. */
  String name();

  /**
   * Begins the work (on threads of the task's own, returning promptly) and returns the handle that stops it.
   * Closing the handle must stop the work before it returns, as another replica may start it next.
   */
  AutoCloseable start() throws Exception;
}
