package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The energy-balance observer's element memory, kept across a restart of the supervisor. */
class ElementMemoryTest {
  private static final Instant OFF = Instant.parse("2026-12-05T08:00:00Z");
  private static final EnergyBalanceCheck.ElementMemory HOT =
      new EnergyBalanceCheck.ElementMemory(0.98, 0.93);

  @TempDir Path dir;

  private ElementMemoryFile fileAt(double secondsAfterOff) {
    return ElementMemoryFile.in(
        dir, Clock.fixed(OFF.plusMillis(Math.round(secondsAfterOff * 1000)), ZoneOffset.UTC));
  }

  private static EnergyBalanceCheck.ElementMemory restored(double offForS) {
    EnergyBalanceCheck check = new EnergyBalanceCheck(SafetyLimits.defaults());
    check.restore(HOT, offForS);
    return check.memory();
  }

  @Test
  void theMemoryFadesAsTheObserversDriveDoesWithTheHeaterOff() {
    assertEquals(HOT, restored(0));
    // The drive decays with τe = 12 s; the air follows it with τa = 4 s.
    assertEquals(0.98 * Math.exp(-1), restored(12).drive(), 0.01);
    // de/dt = −e/τe, da/dt = (e − a)/τa solved: a = a0·e^(−t/τa) + e0·τe/(τe − τa)·(e^(−t/τe) −
    // e^(−t/τa)).
    double air12 = 0.93 * Math.exp(-3) + 0.98 * 12 / 8 * (Math.exp(-1) - Math.exp(-3));
    assertEquals(air12, restored(12).air(), 0.01);
    assertEquals(0.0, restored(300).drive(), 1e-6);
    assertEquals(0.0, restored(300).air(), 1e-6);
  }

  @Test
  void aSavedMemoryLoadsBackWithHowLongAgoTheHeatWentOff() throws IOException {
    fileAt(0).save(HOT);

    ElementMemoryFile.Restored r = fileAt(7.5).load().orElseThrow();

    assertEquals(HOT, r.atHeatOff());
    assertEquals(7.5, r.offForS(), 1e-9);
    assertTrue(Files.readString(dir.resolve("element-memory.json")).contains("\"drive\" : 0.98"));
  }

  @Test
  void aFadedOrFutureStampedMemoryIsNone() throws IOException {
    fileAt(0).save(HOT);

    assertEquals(Optional.empty(), fileAt(ElementMemoryFile.FADED_S).load(), "faded");
    assertEquals(Optional.empty(), fileAt(-60).load(), "a clock not set yet");
    assertEquals(
        Optional.empty(), ElementMemoryFile.in(dir.resolve("none"), Clock.systemUTC()).load());
  }

  @Test
  void aBrokenFileIsRefusedNamingItAndTheField() throws IOException {
    fileAt(0).save(HOT);
    Path p = fileAt(0).path();
    Files.writeString(p, Files.readString(p).replace("0.93", "1.7"));

    IOException e = assertThrows(IOException.class, () -> fileAt(3).load());
    assertEquals(p + ": air 1.7 is not a number within 0 to 1", e.getMessage());

    Files.writeString(p, "{");
    assertTrue(
        assertThrows(IOException.class, () -> fileAt(3).load())
            .getMessage()
            .startsWith(p + " is not a valid element memory"));
  }

  @Test
  void theSupervisorWritesItAtSwitchOffAndANewOneStartsFromIt() throws IOException {
    FaultStore store = FaultStore.in(dir, Clock.fixed(OFF, ZoneOffset.UTC));
    assertEquals(dir.resolve(ElementMemoryFile.FILE_NAME), store.elementMemory().path());
    Files.writeString(dir.resolve(ElementMemoryFile.FILE_NAME), "not json");

    // An unreadable memory is not a fault: the supervisor starts, its memory cold.
    SafetyBench bench = SafetyBench.withFaultStore(store);
    bench.assertNoFault();

    bench.startToasting();
    bench.run(40);
    bench.supervisor.requestHeat(false);
    bench.run(1);

    bench.assertNoFault();
    EnergyBalanceCheck.ElementMemory written =
        ElementMemoryFile.in(dir, Clock.fixed(OFF, ZoneOffset.UTC))
            .load()
            .orElseThrow()
            .atHeatOff();
    // 40 s of heat with τe = 12 s: the drive is at 1 − e^(−40/12) ≈ 0.96 when the heater goes off.
    assertEquals(1 - Math.exp(-40.0 / 12), written.drive(), 0.03);
    assertTrue(written.air() > 0.85 && written.air() <= written.drive(), "air " + written.air());
  }

  @Test
  void aStoreForASimulatedToasterKeepsFaultsButNoElementMemory() {
    FaultStore store = FaultStore.in(dir, Clock.fixed(OFF, ZoneOffset.UTC)).withoutElementMemory();
    assertEquals(null, store.elementMemory());

    SafetyBench bench = SafetyBench.withFaultStore(store);
    bench.startToasting();
    bench.run(20);
    bench.supervisor.requestHeat(false);
    bench.run(1);

    bench.assertNoFault();
    assertTrue(Files.notExists(dir.resolve(ElementMemoryFile.FILE_NAME)), "nothing written");
  }
}
