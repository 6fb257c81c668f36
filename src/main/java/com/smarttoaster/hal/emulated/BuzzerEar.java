package com.smarttoaster.hal.emulated;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.Indicators.BeepPattern;
import java.util.function.Consumer;

/**
 * Listens to the buzzer pin and names the pattern it plays, by the length of its first beep
 * (com.smarttoaster.hal.pi.Buzzer: RATED 0.03 s, REFUSED 0.06 s, DONE 0.15 s, FAULT 0.6 s), so a
 * simulation's event log hears the emulated Pi's beeps as it hears the simulated appliance's. A
 * beep that starts within {@value #SAME_PATTERN_S} s of the last one belongs to the same pattern.
 */
final class BuzzerEar {
  static final double SAME_PATTERN_S = 0.35;

  /**
   * A tick (0.03 s) heard through 10 ms scans lasts at most 0.04 s; a chirp (0.06 s) at least 0.05
   * s.
   */
  static final double RATED_MAX_S = 0.045;

  private final Clock clock;
  private final Consumer<BeepPattern> heard;
  private boolean on;
  private long onSinceNanos;
  private long offSinceNanos = Long.MIN_VALUE;
  private boolean inPattern;

  BuzzerEar(Clock clock, Consumer<BeepPattern> heard) {
    this.clock = clock;
    this.heard = heard;
  }

  synchronized void pin(boolean high) {
    long now = clock.nanos();
    if (high && !on) {
      inPattern =
          offSinceNanos != Long.MIN_VALUE
              && inPattern
              && now - offSinceNanos < SAME_PATTERN_S * 1e9;
      onSinceNanos = now;
    } else if (!high && on) {
      offSinceNanos = now;
      if (!inPattern) {
        inPattern = true;
        double s = (now - onSinceNanos) / 1e9;
        heard.accept(
            s < RATED_MAX_S
                ? BeepPattern.RATED
                : s < 0.1 ? BeepPattern.REFUSED : s < 0.35 ? BeepPattern.DONE : BeepPattern.FAULT);
      }
    }
    on = high;
  }
}
