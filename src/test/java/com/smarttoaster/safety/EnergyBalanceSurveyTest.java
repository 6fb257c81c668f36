package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.testkit.SimToaster;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A survey of healthy cycles over the realistic envelope (DESIGN.md: rooms 5-40 °C, mains 200-250
 * V, chambers from the room to 200 °C, bread -25..30 °C, 8-35 mm, 1-2 slices, every bread and
 * mode), with sensor noise up to σ 1.5 °C, single cycles and back-to-back runs with no pause, on
 * the simulated appliance with the real supervisor and controller and the shipped limits. Every
 * cycle must end "done" (no check may trip, the energy-balance observer included), and it reports
 * how close the observer came: its largest surviving excess against energyBalanceTripC.
 */
class EnergyBalanceSurveyTest {
  private static final BreadType[] BREADS = BreadType.values();
  private static final ToastMode[] MODES = ToastMode.values();
  private static final double[] NOISE_SIGMA_C = {0.3, 0.7, 1.0, 1.5};
  private static final double MAX_CYCLE_S = 320;

  /**
   * @param protector the hardware protector that opened during the cycle, or null
   */
  record Outcome(
      String label, String phase, String fault, double largestExcessC, String protector) {}

  @Test
  void healthyCyclesOverTheEnvelopeNeverTrip() {
    Random random = new Random(Long.getLong("survey.seed", 20261204L));
    List<Outcome> outcomes = new ArrayList<>();
    // -Dsurvey.cycles=N surveys more by hand (the build runs 160 single cycles)
    int singles = Integer.getInteger("survey.cycles", 160);
    for (int i = 0; i < singles; i++) {
      outcomes.addAll(run(random, 1, i));
    }
    for (int i = 0; i < 8; i++) {
      outcomes.addAll(run(random, 6, singles + i)); // back to back, no pause
    }

    double largest = outcomes.stream().mapToDouble(Outcome::largestExcessC).max().orElseThrow();
    Outcome closest =
        outcomes.stream().filter(o -> o.largestExcessC() == largest).findFirst().orElseThrow();
    double limit = SafetyLimits.defaults().energyBalanceTripC();
    System.out.printf(
        Locale.ROOT,
        "Energy-balance survey: %d cycles, %d not done (%d with the cut-out open);"
            + " largest surviving excess %.2f °C of %.1f (margin %.2f °C), in %s%n",
        outcomes.size(),
        outcomes.stream().filter(o -> !o.phase().equals("done")).count(),
        outcomes.stream().filter(o -> o.protector() != null).count(),
        largest,
        limit,
        limit - largest,
        closest.label());
    // The thermal cut-out (hal.sim.ThermalCutout, 180 °C) can open in heavy back-to-back use; the
    // supervisor then rightly sees no current (HEATER_NO_CURRENT). That is hardware acting, not a
    // false trip of a software check; it is counted and must stay rare.
    List<Outcome> cutOut = outcomes.stream().filter(o -> o.protector() != null).toList();
    cutOut.forEach(
        o ->
            assertTrue(
                o.fault() != null && o.fault().startsWith("Heater draws no current"),
                () -> "with the cut-out open the supervisor reports the missing current: " + o));
    assertTrue(
        cutOut.size() <= 2, () -> "the cut-out opened in " + cutOut.size() + " cycles: " + cutOut);
    List<Outcome> bad =
        outcomes.stream().filter(o -> !o.phase().equals("done") && o.protector() == null).toList();
    assertTrue(bad.isEmpty(), () -> bad.size() + " false trips, first: " + bad.get(0));
    assertTrue(outcomes.size() >= 200, "cycles surveyed: " + outcomes.size());
    assertTrue(largest > 0.5, "the observer was exercised: largest excess " + largest);
    assertTrue(largest < limit - 1.0, "at least 1 °C of margin: largest excess " + largest);
  }

  private static List<Outcome> run(Random random, int cycles, int index) {
    double roomC = 5 + 35 * random.nextDouble();
    double volts = 200 + 50 * random.nextDouble();
    double chamberC = random.nextBoolean() ? roomC : roomC + (200 - roomC) * random.nextDouble();
    BreadType bread = BREADS[random.nextInt(BREADS.length)];
    ToastMode mode = MODES[random.nextInt(MODES.length)];
    double mm = 8 + 27 * random.nextDouble();
    double breadC = -25 + 55 * random.nextDouble();
    int slices = 1 + random.nextInt(2);
    int shade = 1 + random.nextInt(7);
    double sigmaC = NOISE_SIGMA_C[random.nextInt(NOISE_SIGMA_C.length)];
    String label =
        String.format(
            Locale.ROOT,
            "#%d %s %.0f mm %.0f °C x%d %s shade %d, room %.1f °C, %.0f V,"
                + " chamber %.0f °C, σ %.1f °C, %d cycles",
            index,
            bread,
            mm,
            breadC,
            slices,
            mode,
            shade,
            roomC,
            volts,
            chamberC,
            sigmaC,
            cycles);
    ApplianceConditions conditions =
        new ApplianceConditions(roomC, volts, chamberC, slices, bread, mm, breadC);
    ToastSettings settings = new ToastSettings(shade, bread, Math.round(mm), slices, mode);
    List<Outcome> outcomes = new ArrayList<>();
    try (SimToaster toaster =
        new SimToaster(
            conditions, settings, SafetyLimits.defaults(), index, ApplianceRemote.NONE, false)) {
      // the thermocouple's own 0.3 °C plus this make sigmaC in total
      toaster
          .appliance
          .thermocouple()
          .setExtraNoise(Math.sqrt(Math.max(0, sigmaC * sigmaC - 0.09)));
      toaster.run(0.5);
      EnergyBalanceCheck observer = toaster.supervisor.check(EnergyBalanceCheck.class);
      for (int cycle = 1; cycle <= cycles; cycle++) {
        if (cycle > 1) {
          toaster.appliance.loadFreshBread();
        }
        toaster.lever().run(0.1);
        toaster.runUntil("done", MAX_CYCLE_S);
        String fault = toaster.supervisor.latchedFault().map(Fault::message).orElse(null);
        outcomes.add(
            new Outcome(
                label + ", cycle " + cycle,
                toaster.phase(),
                fault,
                observer.largestSurvivingExcessC(),
                toaster.appliance.openProtector()));
        if (!toaster.phase().equals("done")) {
          break;
        }
        for (double s = 0; s < 1 && toaster.supervisor.status().carriageHeld(); s += 0.05) {
          toaster.run(0.05);
        }
      }
    }
    return outcomes;
  }

  @Test
  void theSurveysBoundIsTheShippedOne() {
    assertEquals(
        6.0,
        SafetyLimits.defaults().energyBalanceTripC(),
        "re-run the survey when the limit changes");
  }
}
