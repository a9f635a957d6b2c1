package dev.gatehouse.coordination.singleton;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.coordination.election.LeaderElection;
import dev.gatehouse.coordination.testing.Eventually;
import dev.gatehouse.coordination.testing.SqliteFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas, each with its Singletons behind its own election: the work runs on exactly one at a time. */
class SingletonsUnderElectionTest {
  private static final String KEY = "/gatehouse/elections/singletons";

  @TempDir
  Path dir;

  private final AtomicInteger copies = new AtomicInteger();
  private final AtomicInteger mostCopies = new AtomicInteger();

  @Test
  void theTasksRunOnTheLeaderOnlyAndMoveWhenItResigns() {
    try (SqliteFixture fixture = new SqliteFixture(dir)) {
      Singletons first = replicaTasks();
      Singletons second = replicaTasks();
      LeaderElection firstElection = LeaderElection.start(fixture.replicaStore(), KEY, "first", Duration.ofSeconds(2), first);
      Eventually.await(Duration.ofSeconds(5), "first runs the tasks", () -> first.running().size() == 2);
      LeaderElection secondElection = LeaderElection.start(fixture.replicaStore(), KEY, "second", Duration.ofSeconds(2), second);
      Eventually.sleep(300);
      assertThat(second.running()).isEmpty();

      firstElection.close();
      assertThat(first.running()).as("stopped when close() returns").isEmpty();
      Eventually.await(Duration.ofSeconds(1), "second runs the tasks",
          () -> second.running().equals(List.of("aggregation", "compaction")));
      secondElection.close();

      assertThat(second.running()).isEmpty();
      assertThat(copies.get()).isZero();
      assertThat(mostCopies.get()).as("tasks running at once: both of one replica, never more").isEqualTo(2);
    }
  }

  private Singletons replicaTasks() {
    Singletons singletons = new Singletons();
    singletons.register(countingTask("aggregation"));
    singletons.register(countingTask("compaction"));
    return singletons;
  }

  /** A task that counts how many copies of all tasks run at once, across replicas. */
  private SingletonTask countingTask(String name) {
    return new SingletonTask() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public AutoCloseable start() {
        mostCopies.accumulateAndGet(copies.incrementAndGet(), Math::max);
        return copies::decrementAndGet;
      }
    };
  }
}
