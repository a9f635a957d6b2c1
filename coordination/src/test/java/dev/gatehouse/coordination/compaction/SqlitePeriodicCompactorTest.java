package dev.gatehouse.coordination.compaction;

import dev.gatehouse.coordination.testing.SqliteFixture;
import dev.gatehouse.coordination.testing.StoreFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqlitePeriodicCompactorTest extends PeriodicCompactorContract {
  @TempDir
  Path dir;

  @Override
  StoreFixture openFixture() {
    return new SqliteFixture(dir);
  }
}
