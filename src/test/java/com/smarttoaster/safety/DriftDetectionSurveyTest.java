package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.testkit.SimToaster;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How fast slow sensor drift is found while heating, over random settings from the realistic
 * envelope (noise σ 0.3-1.5 °C), on the simulated appliance with the real supervisor and the
 * shipped limits: the drift starts {@code onsetS} into the heat; the detection time runs from its
 * start to the latched fault. Cycles that end before the drift had 30 s are not counted (and are
 * reported).
 */
class DriftDetectionSurveyTest {
  private static final int SETTINGS = 16;
  private static final double[] NOISE_SIGMA_C = {0.3, 0.7, 1.0, 1.5};

  @ParameterizedTest(name = "drift {0} °C/s from {1} s of heat: all found within {2} s")
  @CsvSource({
    "2.0, 30, 30",
    "-2.0, 30, 30",
    "1.0, 30, 30",
    "-1.0, 30, 30",
    "-0.5, 30, 30",
    "0.5, 60, 30",
    "-0.5, 60, 30",
    "0.5, 30, 60",
    "2.0, 0, 30",
    "-2.0, 0, 30",
    "1.0, 0, 60",
    "-1.0, 0, 60",
    "0.5, 0, 150",
    "-0.5, 0, 90",
  })
  void driftIsFound(double rate, double onsetS, double withinS) {
    Random random = new Random(7 + Math.round(rate * 10) + Math.round(onsetS));
    List<Double> found = new ArrayList<>();
    int tooShort = 0;
    for (int i = 0; i < SETTINGS; i++) {
      double detectS = detect(random, rate, onsetS, i);
      if (Double.isNaN(detectS)) {
        tooShort++;
      } else {
        found.add(detectS);
      }
    }
    double[] t = found.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "drift %+.1f °C/s from %.0f s: %d cycles, found p50 %.1f s, max %.1f s,"
            + " within 30 s: %d; %d cycles ended before the drift had 30 s%n",
        rate,
        onsetS,
        t.length,
        t.length == 0 ? Double.NaN : t[t.length / 2],
        t.length == 0 ? Double.NaN : t[t.length - 1],
        Arrays.stream(t).filter(s -> s <= 30).count(),
        tooShort);
    assertTrue(t.length >= SETTINGS / 2, "enough cycles heated long enough: " + t.length);
    assertTrue(t[t.length - 1] <= withinS, "slowest detection " + t[t.length - 1] + " s");
  }

  /**
   * Seconds from the drift's start to the fault; NaN when the cycle ended first without a fault.
   */
  private static double detect(Random random, double rate, double onsetS, int seed) {
    double roomC = 5 + 35 * random.nextDouble();
    double volts = 200 + 50 * random.nextDouble();
    double chamberC = random.nextBoolean() ? roomC : roomC + (200 - roomC) * random.nextDouble();
    BreadType bread = BreadType.values()[random.nextInt(BreadType.values().length)];
    double mm = 12 + 23 * random.nextDouble(); // cycles long enough to watch a drift
    int slices = 1 + random.nextInt(2);
    double sigmaC = NOISE_SIGMA_C[random.nextInt(NOISE_SIGMA_C.length)];
    ApplianceConditions conditions =
        new ApplianceConditions(
            roomC, volts, chamberC, slices, bread, mm, -25 + 55 * random.nextDouble());
    ToastSettings settings =
        new ToastSettings(5 + random.nextInt(3), bread, Math.round(mm), slices, ToastMode.TOAST);
    try (SimToaster toaster =
        new SimToaster(
            conditions, settings, SafetyLimits.defaults(), seed, ApplianceRemote.NONE, false)) {
      toaster
          .appliance
          .thermocouple()
          .setExtraNoise(Math.sqrt(Math.max(0, sigmaC * sigmaC - 0.09)));
      toaster.run(0.5).lever().run(Math.max(0.1, onsetS)); // heat starts on the first ticks
      if (!toaster.phase().equals("toasting")) {
        System.out.println(
            "not toasting at the drift's start: "
                + toaster.phase()
                + " "
                + toaster.supervisor.latchedFault().map(Fault::message).orElse(""));
        return Double.NaN;
      }
      toaster.appliance.thermocouple().setDrift(rate);
      double elapsed = 0;
      while (toaster.phase().equals("toasting") && elapsed < 200) {
        toaster.run(0.05);
        elapsed += 0.05;
      }
      if (toaster.phase().equals("fault")) {
        // a fast fall can reach the fall-while-heating check first (SENSOR_IMPLAUSIBLE)
        FaultCode code = toaster.supervisor.latchedFault().orElseThrow().code();
        assertTrue(
            code == FaultCode.SENSOR_DRIFT || code == FaultCode.SENSOR_IMPLAUSIBLE,
            () -> toaster.supervisor.latchedFault().orElseThrow().message());
        return elapsed;
      }
      return elapsed < 30
          ? Double.NaN
          : Double.POSITIVE_INFINITY; // not found in a long enough cycle
    }
  }
}
