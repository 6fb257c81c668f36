package com.smarttoaster.fleet.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smarttoaster.fleet.store.FleetDatabase;
import com.smarttoaster.fleet.store.FleetStoreException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Widening repeats the canary's offer, read back from the canary decision. A rollout whose start
 * stopped before that decision was recorded has none: the rollout says so in one line.
 */
class RolloutCanaryRecordTest {
  @TempDir Path dir;

  @Test
  void aRolloutWithoutItsCanaryRecordIsRefusedInOneLine() throws Exception {
    try (FleetDatabase db =
        FleetDatabase.open("jdbc:sqlite:" + dir.resolve("fleet.db"), null, null)) {
      Rollout rollout =
          new Rollout(
              db,
              (topic, payload) -> {
                throw new AssertionError("nothing is published: " + topic);
              },
              RolloutPolicy.DEFAULT);
      Rollout.State s =
          new Rollout.State(
              "rollout-2026.12.04-x",
              "2026.12.04",
              "factory",
              0.1,
              "2026-12-04T10:00:00Z",
              Rollout.CANARY,
              List.of("toaster-1"));

      FleetStoreException e =
          assertThrows(FleetStoreException.class, () -> rollout.currentInstallOffer(s));

      assertEquals(
          "rollout rollout-2026.12.04-x has no canary record, so the bundle it offered is not"
              + " known; start the rollout again",
          e.getMessage());
    }
  }
}
