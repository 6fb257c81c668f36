package com.smarttoaster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.predict.HeatHistory;
import com.smarttoaster.predict.StoredHeat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatRecordFileTest {
  private static final Instant ENDED = Instant.parse("2026-12-05T07:42:10.25Z");

  @TempDir Path dir;

  private HeatRecordFile file() {
    return HeatRecordFile.in(dir, Clock.fixed(ENDED, ZoneOffset.UTC));
  }

  @Test
  void nothingStoredLoadsEmpty() throws Exception {
    assertEquals(Optional.empty(), file().load());
  }

  @Test
  void aSavedHeatingLoadsBackBitForBitWithItsWallClockTime() throws Exception {
    HeatHistory h = new HeatHistory();
    h.heated(0, 108.3, HeatHistory.powerShare(221.5, 230));
    h.heated(7.1, 61.9, HeatHistory.powerShare(221.5, 230));
    file().save(61.9, h.atLastHeatEnd());

    HeatRecordFile.HeatRecord r = HeatRecordFile.in(dir).load().orElseThrow();

    assertEquals(ENDED, r.heatEndedAt());
    assertEquals(61.9, r.lastHeatS());
    assertEquals(h.atLastHeatEnd(), r.atHeatEnd());
    assertEquals(h.after(33.0), HeatHistory.restored(r.atHeatEnd()).after(33.0));
    assertEquals(dir.resolve(HeatRecordFile.FILE_NAME), file().path());
  }

  @Test
  void aCorruptFileIsRefusedWithItsName() throws Exception {
    Files.writeString(dir.resolve(HeatRecordFile.FILE_NAME), "{\"version\": 1, \"heatEnd");

    HeatRecordFile.UnreadableHeatRecordException e =
        assertThrows(HeatRecordFile.UnreadableHeatRecordException.class, () -> file().load());
    assertTrue(
        e.getMessage().startsWith(file().path() + " is not a valid heat record"), e.getMessage());
  }

  @Test
  void aFieldOutsideItsLimitsIsNamedWithItsValueAndLimit() throws Exception {
    file().save(61.9, new StoredHeat(40, 90));
    Path p = file().path();
    Files.writeString(
        p,
        Files.readString(p).replace("\"storedHeatFastS\" : 40.0", "\"storedHeatFastS\" : 9000.0"));

    HeatRecordFile.UnreadableHeatRecordException e =
        assertThrows(HeatRecordFile.UnreadableHeatRecordException.class, () -> file().load());
    assertEquals(
        p + ": storedHeatFastS 9000.0 is outside 0 to " + HeatHistory.FAST_TAU_S * 2.25 + " s",
        e.getMessage());
  }

  @Test
  void aNegativeHeatTimeAndAnotherFormatVersionAreRefused() throws Exception {
    file().save(61.9, new StoredHeat(40, 90));
    Path p = file().path();
    String saved = Files.readString(p);

    Files.writeString(p, saved.replace("\"lastHeatS\" : 61.9", "\"lastHeatS\" : -1.0"));
    assertTrue(
        assertThrows(HeatRecordFile.UnreadableHeatRecordException.class, () -> file().load())
            .getMessage()
            .endsWith("lastHeatS -1.0 is outside 0 to 3600.0 s"));

    Files.writeString(p, saved.replace("\"version\" : 1", "\"version\" : 2"));
    assertTrue(
        assertThrows(HeatRecordFile.UnreadableHeatRecordException.class, () -> file().load())
            .getMessage()
            .endsWith("the heat record has format version 2, this build reads 1"));
  }
}
