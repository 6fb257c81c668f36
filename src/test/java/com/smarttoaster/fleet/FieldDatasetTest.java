package com.smarttoaster.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.fleet.dataset.FieldDataset;
import com.smarttoaster.fleet.store.CheckerVerdict;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.fleet.store.FleetDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The field dataset from rated events: a rated event whose rating is not one the toaster gives is
 * left out with its reason, like any other event the dataset cannot use, instead of stopping the
 * export.
 */
class FieldDatasetTest {
  @TempDir Path dir;

  private static final String CYCLE =
      "{\"cycleId\":\"c%d\",\"startTime\":\"2026-12-04T10:00:0%dZ\",\"shade\":4,\"bread\":\"white\","
          + "\"mode\":\"toast\",\"slices\":2,\"thicknessMm\":12,\"chamberStartC\":21,\"ambientC\":21,"
          + "\"mainsVolts\":230,\"predictor\":\"model\",\"predictedS\":150,\"fallbackReason\":null,"
          + "\"outcome\":\"done\",\"heaterOnS\":150,\"modelVersion\":\"factory\"}";

  private static FieldEvent rated(long seq, String rating) {
    return new FieldEvent(
        "toaster-1",
        "run1",
        seq,
        "rated",
        "2026-12-04T10:05:0" + seq + "Z",
        "c" + seq,
        "factory",
        "model",
        rating,
        CheckerVerdict.AGREED,
        "{\"event_type\":\"rated\",\"cycle\":" + String.format(CYCLE, seq, seq) + "}");
  }

  @Test
  void aRatingTheToasterNeverGivesIsLeftOutWithItsReason() throws Exception {
    try (FleetDatabase db =
        FleetDatabase.open("jdbc:sqlite:" + dir.resolve("fleet.db"), null, null)) {
      db.insert(List.of(rated(1, "just-right"), rated(2, "meh"), rated(3, null)), "now", "test");

      FieldDataset.Summary s = FieldDataset.export(db, dir.resolve("out"));

      assertEquals(3, s.ratedEvents());
      assertEquals(1, s.cycles(), "only the cycle rated just-right is a field cycle");
      assertTrue(
          s.card().contains("rating 'meh' is not one of too-light, just-right, too-dark"),
          s.card());
      assertTrue(
          s.card().contains("rating missing is not one of too-light, just-right, too-dark"),
          s.card());
    }
  }
}
