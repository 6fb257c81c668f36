package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultStoreTest {
  private static final Instant LATCHED = Instant.parse("2026-11-27T10:15:30Z");
  private static final Fault STUCK =
      new Fault(
          FaultCode.HEATER_STUCK_ON,
          "Heater stuck on: current still flows 0.15 s after switch-off, limit 0.1 s. Unplug the toaster.",
          0.15,
          0.1,
          123_456_789L);

  @TempDir Path dir;

  private FaultStore store() {
    return FaultStore.in(dir, Clock.fixed(LATCHED, ZoneOffset.UTC));
  }

  @Test
  void nothingStoredLoadsEmpty() throws Exception {
    assertEquals(Optional.empty(), store().load());
  }

  @Test
  void savedFaultLoadsBackWithItsWallClockTimeButNotItsMonotonicTime() throws Exception {
    store().save(STUCK);

    FaultStore.StoredFault loaded = FaultStore.in(dir).load().orElseThrow();

    assertEquals(
        new Fault(FaultCode.HEATER_STUCK_ON, STUCK.message(), 0.15, 0.1, 0L), loaded.fault());
    assertEquals(LATCHED, loaded.latchedAt());
  }

  @Test
  void fileIsReadableJsonNamedInTheStateDirectory() throws Exception {
    store().save(STUCK);

    String json = Files.readString(dir.resolve("latched-fault.json"));
    assertTrue(json.contains("\"code\" : \"HEATER_STUCK_ON\""), json);
    assertTrue(json.contains("\"latchedAt\" : \"2026-11-27T10:15:30Z\""), json);
    assertEquals(dir.resolve(FaultStore.FILE_NAME), store().file());
  }

  @Test
  void saveReplacesTheStoredFaultAndLeavesNoTemporaryFile() throws Exception {
    store().save(STUCK);
    Fault later = new Fault(FaultCode.OVER_TEMPERATURE, "Over-temperature.", 283.5, 280, 5L);

    store().save(later);

    assertEquals(FaultCode.OVER_TEMPERATURE, store().load().orElseThrow().fault().code());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "only latched-fault.json may remain");
    }
  }

  @Test
  void clearRemovesTheFileAndIsHarmlessWhenNothingIsStored() throws Exception {
    store().save(STUCK);

    store().clear();
    store().clear();

    assertFalse(Files.exists(dir.resolve(FaultStore.FILE_NAME)));
    assertEquals(Optional.empty(), store().load());
  }

  @Test
  void aHalfWrittenTemporaryFileFromAPowerCutIsIgnored() throws Exception {
    store().save(STUCK);
    Files.writeString(dir.resolve(FaultStore.FILE_NAME + ".tmp"), "{\"version\": 1, \"co");

    assertEquals(FaultCode.HEATER_STUCK_ON, store().load().orElseThrow().fault().code());
    store().save(STUCK);
    assertEquals(FaultCode.HEATER_STUCK_ON, store().load().orElseThrow().fault().code());
  }

  @Test
  void damagedFileIsReportedAsUnreadable() throws Exception {
    Files.write(dir.resolve(FaultStore.FILE_NAME), new byte[] {0, 1, 2, '{'});

    FaultStore.UnreadableFaultException e =
        assertThrows(FaultStore.UnreadableFaultException.class, () -> store().load());
    assertTrue(e.getMessage().contains("is not a valid fault record"), e.getMessage());
  }

  @Test
  void unknownCodeOrVersionOrMissingFieldIsUnreadable() throws Exception {
    Path file = dir.resolve(FaultStore.FILE_NAME);
    String good =
        "{\"version\": 1, \"code\": \"OVER_TEMPERATURE\", \"message\": \"m\", \"measured\": 281,"
            + " \"limit\": 280, \"latchedAt\": \"2026-11-27T10:15:30Z\"}";
    Files.writeString(file, good, StandardCharsets.UTF_8);
    assertEquals(FaultCode.OVER_TEMPERATURE, store().load().orElseThrow().fault().code());

    Files.writeString(file, good.replace("OVER_TEMPERATURE", "FLUX_CAPACITOR"));
    assertEquals(
        file + ": the stored fault names fault code FLUX_CAPACITOR, which this build does not know",
        assertThrows(FaultStore.UnreadableFaultException.class, () -> store().load()).getMessage());

    Files.writeString(file, good.replace("\"version\": 1", "\"version\": 2"));
    assertEquals(
        file + ": the stored fault has format version 2, this build reads 1",
        assertThrows(FaultStore.UnreadableFaultException.class, () -> store().load()).getMessage());

    Files.writeString(file, good.replace("\"measured\": 281,", ""));
    assertEquals(
        file + ": the stored fault has no number field measured",
        assertThrows(FaultStore.UnreadableFaultException.class, () -> store().load()).getMessage());

    Files.writeString(file, good.replace("2026-11-27T10:15:30Z", "yesterday"));
    assertEquals(
        file + ": the stored fault has a latchedAt that is not an ISO-8601 instant",
        assertThrows(FaultStore.UnreadableFaultException.class, () -> store().load()).getMessage());
  }
}
