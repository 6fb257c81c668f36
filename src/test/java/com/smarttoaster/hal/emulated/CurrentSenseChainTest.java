package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The current-sense chain's timing, worst case over where in the mains cycle the SSR is switched
 * (swept in 0.25 ms steps over one cycle), for 230 V and 120 V elements of 950 W at the extremes of
 * their supply (±10 %, 200…250 V for 230 V), at 50 and 60 Hz. The supervisor looks at the pin
 * releaseVerifyS = 0.1 s after it switches the heater off, and a pin still reading "current" then
 * is a (false) HEATER_STUCK_ON: the chain must be well faster than that.
 */
class CurrentSenseChainTest {
  private static final double DT = CurrentSenseChain.SUB_STEP_S;

  /** The supervisor's releaseVerifyS (SafetyLimits.defaults()). */
  private static final double RELEASE_VERIFY_S = 0.1;

  record Worst(
      double commandOffToNoCurrentS,
      double currentStopsToNoCurrentS,
      double commandOnToCurrentS,
      double currentStartsToCurrentS) {}

  /** Sweeps the switching instant over one cycle; the chain runs 1 s on, then off. */
  static Worst worst(double hz, double amps) {
    double offCmd = 0, offStop = 0, onCmd = 0, onStart = 0;
    for (double phase = 0; phase < 2 * Math.PI; phase += 2 * Math.PI * hz * 0.00025) {
      CurrentSenseChain c = new CurrentSenseChain(CurrentSenseChain.Parts.DEFAULT, hz, phase);
      double t = 0;
      Double startedAt = null;
      while (!c.isReleased()) {
        c.step(DT, true, amps);
        t += DT;
        if (startedAt == null && c.isConducting()) {
          startedAt = t;
        }
        if (t > 1) {
          throw new AssertionError("no current seen within 1 s at " + amps + " A, " + hz + " Hz");
        }
      }
      onCmd = Math.max(onCmd, t);
      onStart = Math.max(onStart, t - startedAt);
      while (t < 1.0) {
        c.step(DT, true, amps);
        t += DT;
        assertTrue(
            c.isReleased(),
            () ->
                "the pin must read current steadily between peaks at "
                    + amps
                    + " A, "
                    + hz
                    + " Hz");
      }
      double offAt = t;
      Double stoppedAt = null;
      while (c.isReleased()) {
        c.step(DT, false, amps);
        t += DT;
        if (stoppedAt == null && !c.isConducting()) {
          stoppedAt = t;
        }
      }
      offCmd = Math.max(offCmd, t - offAt);
      offStop = Math.max(offStop, t - (stoppedAt == null ? t : stoppedAt));
    }
    return new Worst(offCmd, offStop, onCmd, onStart);
  }

  @ParameterizedTest(name = "{0}: {1} A at {2} Hz")
  @CsvSource({
    "230 V element at 200 V, 3.59, 50", "230 V element at 250 V, 4.49, 50",
    "230 V element at 200 V, 3.59, 60", "230 V element at 250 V, 4.49, 60",
    "120 V element at 108 V, 7.12, 60", "120 V element at 132 V, 8.71, 60",
    "120 V element at 108 V, 7.12, 50", "120 V element at 132 V, 8.71, 50"
  })
  void theChainSettlesWellInsideTheSupervisorsReleaseCheck(String what, double amps, double hz) {
    Worst w = worst(hz, amps);
    System.out.printf(
        Locale.ROOT,
        "current sense, %s (%.2f A, %.0f Hz): heater off -> pin no current %.1f ms (current stops -> %.1f ms);"
            + " heater on -> pin current %.1f ms (current starts -> %.1f ms)%n",
        what,
        amps,
        hz,
        w.commandOffToNoCurrentS() * 1e3,
        w.currentStopsToNoCurrentS() * 1e3,
        w.commandOnToCurrentS() * 1e3,
        w.currentStartsToCurrentS() * 1e3);
    assertTrue(
        w.commandOffToNoCurrentS() < RELEASE_VERIFY_S / 2,
        () -> what + ": " + w + " leaves less than half the 0.1 s release check as margin");
    assertTrue(w.commandOnToCurrentS() < 0.025, () -> what + ": current seen too late: " + w);
  }

  @ParameterizedTest(name = "{0} A")
  @CsvSource({"0.0", "0.5"})
  void noOrTooLittleCurrentNeverReleasesThePin(double amps) {
    CurrentSenseChain c = new CurrentSenseChain(CurrentSenseChain.Parts.DEFAULT, 50, 0);
    for (int i = 0; i < 20_000; i++) {
      c.step(DT, true, amps);
      assertFalse(c.isReleased(), "0.5 A gives 0.07 V peak, below the 0.15 V threshold");
    }
  }
}
