package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.SimClock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactSwitchTest {
  private final SimClock clock = new SimClock();

  @Test
  void aScanEveryMillisecondSeesTheBounceAndThenTheNewState() {
    ContactSwitch s = new ContactSwitch(clock, 0.005, false);
    assertFalse(s.sinks(), "open: the pull-up decides");
    s.press(clock.nanos(), 0.1);
    Set<Boolean> seen = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      seen.add(s.isClosedAt(clock.nanos()));
      clock.advance(1_000_000L);
    }
    assertEquals(Set.of(true, false), seen, "both levels during the 5 ms bounce");
    for (int i = 5; i < 100; i++) {
      assertTrue(s.isClosedAt(clock.nanos()), "settled closed at " + i + " ms");
      assertTrue(s.sinks(), "closed pulls the pin low");
      clock.advance(1_000_000L);
    }
    clock.advance(6_000_000L);
    assertFalse(s.sinks(), "open again after the press, once its bounce is over");
  }
}
