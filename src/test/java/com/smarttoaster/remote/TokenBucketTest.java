package com.smarttoaster.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.SimClock;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  void aBurstThenTheRefillRateOnTheAppliancesClock() {
    SimClock clock = new SimClock();
    TokenBucket b = new TokenBucket(10, 2, clock);
    int taken = 0;
    for (int i = 0; i < 100; i++) {
      taken += b.tryTake() ? 1 : 0;
    }
    assertEquals(10, taken, "the burst");
    clock.advance(499_000_000L);
    assertFalse(b.tryTake(), "just under half a second gives no token at 2/s");
    clock.advance(1_000_000L);
    assertTrue(b.tryTake());
    clock.advance(3_600_000_000_000L);
    taken = 0;
    for (int i = 0; i < 100; i++) {
      taken += b.tryTake() ? 1 : 0;
    }
    assertEquals(10, taken, "an hour of quiet refills only up to the burst");
  }
}
