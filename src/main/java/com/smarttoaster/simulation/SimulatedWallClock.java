package com.smarttoaster.simulation;

import com.smarttoaster.hal.sim.SimClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A wall clock that moves with simulated time, for what the software stamps with the wall clock
 * (the controller's heat record): a fixed origin plus the simulated clock's nanoseconds.
 */
final class SimulatedWallClock extends Clock {
  /** Any fixed instant; only differences between stamps matter to the readers. */
  static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  private final SimClock clock;

  SimulatedWallClock(SimClock clock) {
    this.clock = clock;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated wall clock is in UTC only");
  }

  @Override
  public Instant instant() {
    return ORIGIN.plusNanos(clock.nanos());
  }
}
