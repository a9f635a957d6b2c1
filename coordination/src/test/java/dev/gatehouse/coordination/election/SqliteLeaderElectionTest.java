package dev.gatehouse.coordination.election;

import dev.gatehouse.coordination.testing.SqliteFixture;
import dev.gatehouse.coordination.testing.StoreFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteLeaderElectionTest extends LeaderElectionContract {
  @TempDir
  Path dir;

  @Override
  StoreFixture openFixture() {
    return new SqliteFixture(dir);
  }
}
