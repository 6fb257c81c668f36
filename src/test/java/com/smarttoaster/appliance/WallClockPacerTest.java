package com.smarttoaster.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pacer on a stepped wall clock: it sleeps what the factor asks for and never catches up in a
 * burst.
 */
class WallClockPacerTest {
  /** A wall clock that moves only when slept on or when a step is said to take time. */
  static final class SteppedWall implements WallClockPacer.Wall {
    long nanos;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanos() {
      return nanos;
    }

    @Override
    public void sleep(long n) {
      sleeps.add(n);
      nanos += n;
    }
  }

  private static final long STEP = 10_000_000L;

  @Test
  void atFactorOneTenMillisecondsOfSimulationTakeTenOfTheWallClock() throws Exception {
    SteppedWall wall = new SteppedWall();
    WallClockPacer pacer = new WallClockPacer(1, wall, WallClockPacer.DEFAULT_MAX_LAG_NANOS);
    for (long sim = 0; sim <= 100 * STEP; sim += STEP) {
      pacer.pace(sim);
    }
    assertEquals(1_000_000_000L, wall.nanos, "one simulated second, one wall second");
    assertEquals(0, pacer.slips());
  }

  @Test
  void atFactorHundredItSleepsInMillisecondBatchesNotPerStep() throws Exception {
    SteppedWall wall = new SteppedWall();
    WallClockPacer pacer = new WallClockPacer(100, wall, WallClockPacer.DEFAULT_MAX_LAG_NANOS);
    for (long sim = 0; sim <= 10_000 * STEP; sim += STEP) { // 100 simulated seconds
      pacer.pace(sim);
    }
    assertEquals(
        1_000_000_000L, wall.nanos, 1_000_000L, "100 simulated seconds in one wall second");
    assertEquals(1000, wall.sleeps.size(), "a 1 ms sleep every 10 steps (0.1 ms each)");
  }

  @Test
  void aSlowMachineRunsSlowerAndNeverRacesToCatchUp() throws Exception {
    SteppedWall wall = new SteppedWall();
    WallClockPacer pacer = new WallClockPacer(100, wall, WallClockPacer.DEFAULT_MAX_LAG_NANOS);
    pacer.pace(0);
    wall.nanos += 2_000_000_000L; // a two-second stall (garbage collection, a model loading)
    pacer.pace(STEP);
    assertEquals(1, pacer.slips());
    for (long sim = 2 * STEP; sim <= 101 * STEP; sim += STEP) {
      pacer.pace(sim);
    }
    // After the stall: paced again from the stall's end, 100 steps = 10 ms of wall time at 100x.
    assertEquals(2_010_000_000L, wall.nanos, 1_000_000L);
  }

  @Test
  void slowerThanRealTimeIsAllowed() throws Exception {
    SteppedWall wall = new SteppedWall();
    WallClockPacer pacer = new WallClockPacer(0.1, wall, WallClockPacer.DEFAULT_MAX_LAG_NANOS);
    pacer.pace(0);
    pacer.pace(STEP);
    assertEquals(List.of(100_000_000L), wall.sleeps);
  }
}
