package com.smarttoaster.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smarttoaster.fleet.store.CheckerVerdict;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.fleet.store.FleetStoreException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: the same migrations and the same idempotent writes on a SQLite file. */
class FleetDatabaseSqliteTest {
  @TempDir Path dir;

  private static FieldEvent event(String device, String run, long seq) {
    return new FieldEvent(
        device,
        run,
        seq,
        "done",
        "2026-12-04T10:00:0" + seq + "Z",
        "c" + seq,
        "factory",
        "model",
        null,
        CheckerVerdict.AGREED,
        "{}");
  }

  @Test
  void aRepeatedEventIsStoredOnceAndTheSchemaSurvivesReopening() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("fleet.db");
    try (FleetDatabase db = FleetDatabase.open(url, null, null)) {
      assertEquals(2, db.insert(List.of(event("a", "r1", 1), event("a", "r1", 2)), "now", "c1"));
      assertEquals(
          1,
          db.insert(List.of(event("a", "r1", 2), event("a", "r2", 1)), "now", "c2"),
          "the repeat (a, r1, 2) is dropped; a new run's seq 1 is a new event");
    }
    try (FleetDatabase db =
        FleetDatabase.open(url, null, null)) { // Flyway finds the schema current
      assertEquals(3, db.countEvents());
      assertEquals(
          List.of("r1/1", "r1/2", "r2/1"),
          db.events().stream().map(e -> e.runId() + "/" + e.seq()).toList());
    }
  }

  @Test
  void anUnknownDatabaseUrlIsRefusedInOneLine() {
    FleetStoreException e =
        assertThrows(
            FleetStoreException.class, () -> FleetDatabase.open("jdbc:mysql://x/y", null, null));
    assertEquals(
        "database url 'jdbc:mysql://x/y' is neither jdbc:postgresql://HOST:PORT/DB nor jdbc:sqlite:FILE",
        e.getMessage());
  }
}
