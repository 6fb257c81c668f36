package com.smarttoaster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.predict.HeatHistory;
import com.smarttoaster.predict.PredictionInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller's memory of its heating, and a restarted controller taking it over. */
class HeatMemoryTest {
  private static final Instant T0 = Instant.parse("2026-12-05T07:00:00Z");
  private static final double SHARE = HeatHistory.powerShare(230, 230);

  @TempDir Path dir;

  /** A monotonic clock the test sets; each "process" gets its own origin. */
  private static final class StepClock implements Clock {
    long nanos;

    StepClock(long originNanos) {
      nanos = originNanos;
    }

    @Override
    public long nanos() {
      return nanos;
    }
  }

  private HeatRecordFile fileAt(double secondsAfterT0) {
    return HeatRecordFile.in(
        dir, java.time.Clock.fixed(T0.plusNanos(Math.round(secondsAfterT0 * 1e9)), ZoneOffset.UTC));
  }

  /** Two cycles (110 s, 15 s pause, 70 s) ending at T0 on a controller that keeps the record. */
  private HeatMemory twoCyclesEndingAtT0(StepClock clock) {
    HeatMemory m = new HeatMemory(clock);
    m.keepIn(fileAt(0));
    long s = clock.nanos;
    m.heated(s, s + 110_000_000_000L, SHARE);
    m.heated(s + 125_000_000_000L, s + 195_000_000_000L, SHARE);
    clock.nanos = s + 195_000_000_000L;
    return m;
  }

  @Test
  void aRestartedControllerKnowsWhatTheFirstKnew() {
    StepClock first = new StepClock(5_000_000_000L);
    HeatMemory before = twoCyclesEndingAtT0(first);
    long pressedFirst = first.nanos + 20_000_000_000L;

    StepClock second = new StepClock(-3_000_000_000L); // a new process, another origin
    HeatMemory after = new HeatMemory(second);
    String said = after.keepIn(fileAt(12.0));
    second.nanos += 8_000_000_000L; // pressed 20 s after the heat stopped, by the wall clock

    assertTrue(
        said.startsWith("took over the last cycle from the heat record: 70.0 s of heat"), said);
    assertTrue(after.hadCycle());
    assertEquals(70.0, after.lastHeatS(), 1e-9);
    assertEquals(
        before.sinceLastS(pressedFirst), after.sinceLastS(second.nanos), 1e-9, "seconds since");
    assertEquals(before.after(20.0), after.after(20.0), "stored heat at the press");
  }

  @Test
  void withoutARecordARestartedControllerKnowsNoCycle() {
    HeatMemory after = new HeatMemory(new StepClock(0));
    assertEquals("no heat record yet", after.keepIn(fileAt(12.0)));
    assertFalse(after.hadCycle());
    assertEquals(PredictionInput.NO_RECENT_CYCLE_S, after.sinceLastS(0));
  }

  @Test
  void aRecordStampedAfterTheWallClocksNowIsIgnored() {
    twoCyclesEndingAtT0(new StepClock(0));
    HeatMemory after = new HeatMemory(new StepClock(0));

    String said = after.keepIn(fileAt(-3600)); // a Pi booted without its clock set yet

    assertTrue(
        said.contains("after the wall clock's 2026-12-05T06:00:00Z (is the clock set?)"), said);
    assertFalse(after.hadCycle());
  }

  @Test
  void aRecordHalfAnHourOldIsTooOldToMatter() {
    twoCyclesEndingAtT0(new StepClock(0));
    HeatMemory after = new HeatMemory(new StepClock(0));

    assertTrue(after.keepIn(fileAt(1800)).contains("too long ago to matter"));
    assertFalse(after.hadCycle());
  }

  @Test
  void anUnreadableRecordIsIgnoredAndSaidWhy() throws Exception {
    Files.writeString(dir.resolve(HeatRecordFile.FILE_NAME), "not json");
    HeatMemory after = new HeatMemory(new StepClock(0));

    String said = after.keepIn(fileAt(10));

    assertTrue(said.startsWith("the heat record is ignored, the toaster counts as unused: "), said);
    assertTrue(said.contains("is not a valid heat record"), said);
    assertFalse(after.hadCycle());
  }

  @Test
  void aControllerWithItsOwnCyclesKeepsThem() {
    StepClock clock = new StepClock(0);
    twoCyclesEndingAtT0(new StepClock(0));
    HeatMemory m = new HeatMemory(clock);
    m.heated(0, 40_000_000_000L, SHARE);

    assertTrue(m.keepIn(fileAt(5)).contains("this controller's own cycles stand"));
    assertEquals(40.0, m.lastHeatS(), 1e-9);
  }

  @Test
  void aRecordThatCannotBeWrittenLeavesTheMemoryInMemory() throws Exception {
    StepClock clock = new StepClock(0);
    HeatMemory m = new HeatMemory(clock);
    m.keepIn(HeatRecordFile.in(dir.resolve("gone"), java.time.Clock.systemUTC()));

    m.heated(0, 90_000_000_000L, SHARE);

    assertTrue(m.hadCycle());
    assertEquals(90.0, m.lastHeatS(), 1e-9);
    assertFalse(Files.exists(dir.resolve("gone")));
  }
}
