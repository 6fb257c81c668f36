package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.SimClock;
import org.junit.jupiter.api.Test;

/**
 * Sessions on a stepped wall clock: idle expiry, use keeps one alive, the oldest goes beyond the
 * cap.
 */
class SessionsTest {
  static final long MINUTE = 60_000_000_000L;

  @Test
  void aSessionEndsAfterItsIdleTimeAndUseKeepsItAlive() {
    SimClock wall = new SimClock();
    Sessions s = new Sessions(wall, 10 * MINUTE);
    Sessions.Session a = s.create();
    assertNotEquals(a.id(), a.csrfToken());
    wall.advance(9 * MINUTE);
    assertTrue(s.find(a.id()).isPresent(), "ended before its idle time");
    wall.advance(9 * MINUTE);
    assertTrue(s.find(a.id()).isPresent(), "the use at 9 min did not restart its idle time");
    wall.advance(10 * MINUTE + 1);
    assertTrue(s.find(a.id()).isEmpty(), "outlived its idle time");
    assertTrue(s.find(null).isEmpty());
  }

  @Test
  void beyondTheCapTheLeastRecentlyUsedSessionEnds() {
    Sessions s = new Sessions(new SimClock(), 10 * MINUTE);
    Sessions.Session first = s.create();
    Sessions.Session second = s.create();
    for (int i = 2; i < Sessions.MAX_SESSIONS; i++) {
      s.create();
    }
    s.find(first.id()); // used: now the second is the least recently used
    s.create();
    assertTrue(s.find(first.id()).isPresent());
    assertTrue(s.find(second.id()).isEmpty());
    s.end(first.id());
    assertEquals(true, s.find(first.id()).isEmpty());
  }
}
