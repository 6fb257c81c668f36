package com.smarttoaster.testkit;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures what the NO_HEAT_RISE check sees, for choosing safety.noRiseHotAllowanceCPerC: the
 * change of the chamber reading in the first noRiseWindowS (20 s) of heat, each end the mean of the
 * readings over rateWindowS (0.5 s) as the check takes it, and the cold junction at the start. On
 * the simulated appliance with the real supervisor and controller, with the no-rise and fall checks
 * switched off so every cycle can be measured:
 *
 * <ul>
 *   <li>working element: 25 cycles back to back, fresh bread each time, pauses of 0-60 s; and the
 *       same slices toasted again with no pause;
 *   <li>broken element: broken before cycle 2-25 of such a run, after a pause of 0-600 s; and in a
 *       chamber that rested evenly (air, boards and walls alike) at the room up to 270 °C.
 * </ul>
 *
 * Then it prints, for a range of allowances and by start temperature for the default one, the
 * smallest margins: working change minus demand, and demand minus broken change. Not a test (it
 * runs for minutes); run it by hand after {@code mvn test-compile}:
 *
 * <pre>
 *   mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *       com.smarttoaster.testkit.HeatRiseSurvey 5     # noise seeds
 * </pre>
 */
public final class HeatRiseSurvey {
  record Setting(
      String name,
      double roomC,
      double volts,
      BreadType bread,
      double mm,
      double breadC,
      int slices,
      ToastMode mode,
      int shade) {
    SimToaster toaster(double chamberC, SafetyLimits limits, long seed) {
      ApplianceConditions c =
          new ApplianceConditions(roomC, volts, chamberC, slices, bread, mm, breadC);
      return new SimToaster(
              c,
              new ToastSettings(shade, bread, mm, slices, mode),
              limits,
              seed,
              ApplianceRemote.NONE,
              false)
          .run(0.5);
    }
  }

  /** One cycle as the check saw it; changeC is NaN when it could not be measured. */
  record Measurement(
      boolean working, String label, double startC, double coldJunctionC, double changeC) {}

  static final List<Setting> SETTINGS =
      List.of(
          new Setting("white 12 mm", 21, 230, BreadType.WHITE, 12, 21, 2, ToastMode.TOAST, 4),
          new Setting(
              "white 12 mm shade 1", 21, 230, BreadType.WHITE, 12, 21, 2, ToastMode.TOAST, 1),
          new Setting(
              "white 12 mm shade 7", 21, 230, BreadType.WHITE, 12, 21, 2, ToastMode.TOAST, 7),
          new Setting(
              "white 12 mm 1 slice", 21, 230, BreadType.WHITE, 12, 21, 1, ToastMode.TOAST, 4),
          new Setting(
              "bagel 35 mm -18 °C defrost",
              21,
              230,
              BreadType.BAGEL,
              35,
              -18,
              2,
              ToastMode.DEFROST,
              4),
          new Setting(
              "bagel 35 mm -18 °C defrost shade 7",
              21,
              230,
              BreadType.BAGEL,
              35,
              -18,
              2,
              ToastMode.DEFROST,
              7),
          new Setting(
              "bagel 35 mm -18 °C bagel mode",
              21,
              230,
              BreadType.BAGEL,
              35,
              -18,
              2,
              ToastMode.BAGEL,
              4),
          new Setting(
              "wholegrain 28 mm -18 °C defrost",
              21,
              230,
              BreadType.WHOLEGRAIN,
              28,
              -18,
              2,
              ToastMode.DEFROST,
              4),
          new Setting(
              "wholegrain 35 mm -18 °C shade 1",
              21,
              230,
              BreadType.WHOLEGRAIN,
              35,
              -18,
              2,
              ToastMode.DEFROST,
              1),
          new Setting(
              "wholegrain 28 mm -18 °C toast",
              21,
              230,
              BreadType.WHOLEGRAIN,
              28,
              -18,
              2,
              ToastMode.TOAST,
              4),
          new Setting(
              "rye 35 mm -18 °C defrost", 21, 230, BreadType.RYE, 35, -18, 2, ToastMode.DEFROST, 4),
          new Setting(
              "bagel 35 mm -18 °C 200 V",
              21,
              200,
              BreadType.BAGEL,
              35,
              -18,
              2,
              ToastMode.DEFROST,
              4),
          new Setting("white 12 mm 200 V", 21, 200, BreadType.WHITE, 12, 21, 2, ToastMode.TOAST, 4),
          new Setting(
              "bagel 35 mm -18 °C 40 °C room",
              40,
              230,
              BreadType.BAGEL,
              35,
              -18,
              2,
              ToastMode.DEFROST,
              4),
          new Setting(
              "white 12 mm 40 °C room", 40, 230, BreadType.WHITE, 12, 40, 2, ToastMode.TOAST, 4),
          new Setting(
              "bagel 35 mm -18 °C 200 V 40 °C room",
              40,
              200,
              BreadType.BAGEL,
              35,
              -18,
              2,
              ToastMode.DEFROST,
              4),
          new Setting("white 12 mm 250 V", 21, 250, BreadType.WHITE, 12, 21, 2, ToastMode.TOAST, 4),
          new Setting(
              "bagel 60 mm -40 °C defrost",
              21,
              230,
              BreadType.BAGEL,
              60,
              -40,
              2,
              ToastMode.DEFROST,
              4),
          new Setting(
              "wholegrain 60 mm -40 °C 200 V",
              21,
              200,
              BreadType.WHOLEGRAIN,
              60,
              -40,
              2,
              ToastMode.DEFROST,
              4),
          new Setting("white 3 mm shade 1", 21, 230, BreadType.WHITE, 3, 21, 2, ToastMode.TOAST, 1),
          new Setting(
              "white 12 mm -10 °C room",
              -10,
              230,
              BreadType.WHITE,
              12,
              -10,
              2,
              ToastMode.TOAST,
              4));

  private static final double WINDOW_S = 20;
  private static final double MEAN_OVER_S = 0.5;
  private static final double ROOM_MIN_C = 5;
  private static final double ROOM_MAX_C = 40;

  private HeatRiseSurvey() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    SafetyLimits measuring =
        copy(SafetyLimits.defaults(), Map.of("noRiseWindowS", 1e6, "fallWhileHeatingC", 1e6));
    List<Measurement> all = new ArrayList<>();
    for (Setting s : SETTINGS) {
      for (long seed = 1; seed <= seeds; seed++) {
        measureSetting(s, seed, measuring, all);
      }
    }
    int measured = all.size();
    all.removeIf(m -> Double.isNaN(m.changeC()));
    System.out.printf(
        Locale.ROOT,
        "%d cycles measured (%d settings, %d seeds); %d not, as a fault (over-temperature,"
            + " toasting the same slices again) had ended the run%n",
        all.size(),
        SETTINGS.size(),
        seeds,
        measured - all.size());
    for (double k = 0.04; k <= 0.0901; k += 0.005) {
      printMargins("allowance " + String.format(Locale.ROOT, "%.3f", k), all, k, -1e9, 1e9);
    }
    double k = SafetyLimits.defaults().noRiseHotAllowanceCPerC();
    double[] bands = {-100, 25, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240, 260, 300};
    for (int i = 0; i + 1 < bands.length; i++) {
      printMargins(
          String.format(Locale.ROOT, "start %4.0f..%4.0f °C", bands[i], bands[i + 1]),
          all,
          k,
          bands[i],
          bands[i + 1]);
    }
  }

  private static void measureSetting(
      Setting s, long seed, SafetyLimits limits, List<Measurement> out) {
    String what = s.name() + ", seed " + seed;
    for (double pauseS : new double[] {0, 2, 5, 10, 20, 60}) {
      try (SimToaster t = s.toaster(s.roomC(), limits, seed)) {
        for (int n = 1; n <= 25; n++) {
          out.add(
              cycle(
                  t,
                  true,
                  what + ", back to back after " + pauseS + " s, cycle " + n,
                  n > 1 ? pauseS : 0,
                  n > 1));
        }
      }
    }
    try (SimToaster t = s.toaster(s.roomC(), limits, seed)) {
      for (int n = 1; n <= 25; n++) {
        out.add(cycle(t, true, what + ", same slices again, cycle " + n, 0, false));
      }
    }
    for (double pauseS : new double[] {0, 5, 20, 60, 120, 300, 600}) {
      for (int broken : new int[] {2, 3, 4, 6, 9, 12, 18, 25}) {
        try (SimToaster t = s.toaster(s.roomC(), limits, seed)) {
          for (int n = 1; n < broken; n++) {
            cycle(t, true, "", 0, n > 1);
          }
          t.appliance.breakElement();
          out.add(
              cycle(
                  t,
                  false,
                  what + ", broken before cycle " + broken + " after " + pauseS + " s",
                  pauseS,
                  true));
        }
      }
    }
    for (double aboveRoomC :
        new double[] {0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 40, 60, 80, 100, 130, 160, 200, 230}) {
      double startC = s.roomC() + aboveRoomC;
      try (SimToaster t = s.toaster(startC, limits, seed)) {
        t.appliance.breakElement();
        out.add(cycle(t, false, what + ", broken, rested evenly at " + startC + " °C", 0, false));
      }
    }
  }

  /**
   * Pause, maybe fresh bread, lever, until the carriage is free again; what the check would see.
   */
  static Measurement cycle(
      SimToaster t, boolean working, String label, double pauseS, boolean freshBread) {
    t.run(pauseS);
    if (freshBread) {
      t.appliance.loadFreshBread();
    }
    t.lever();
    ArrayDeque<double[]> recent = new ArrayDeque<>(); // {s, reading}
    double startC = Double.NaN;
    double coldJunctionC = Double.NaN;
    double endC = Double.NaN;
    boolean heaterWasOn = t.supervisor.status().heaterCommandedOn();
    for (double s = 0; s < 400; s += 0.05) {
      t.run(0.05); // one supervisor tick, at its start
      double tickS = t.clock.nanos() / 1e9 - 0.05;
      SafetyStatus status = t.supervisor.status();
      TemperatureReading r = status.lastReading();
      double before = mean(recent);
      if (r != null && r.isValid()) {
        recent.addLast(new double[] {tickS, r.chamberC()});
        while (recent.peekFirst()[0] < tickS - MEAN_OVER_S - 1e-9) {
          recent.removeFirst();
        }
      }
      if (heaterWasOn && Double.isNaN(startC)) {
        startC = before;
        coldJunctionC = r.coldJunctionC();
      }
      if (!Double.isNaN(startC)
          && Double.isNaN(endC)
          && status.heatOnSThisCycle() >= WINDOW_S - 1e-9) {
        endC = mean(recent);
      }
      heaterWasOn = status.heaterCommandedOn();
      if (!t.controller.snapshot().phase().isActive() && !status.carriageHeld()) {
        break;
      }
    }
    return new Measurement(working, label, startC, coldJunctionC, endC - startC);
  }

  private static void printMargins(
      String title, List<Measurement> all, double k, double fromC, double toC) {
    Measurement worstWorking = null;
    Measurement bestBroken = null;
    double working = Double.POSITIVE_INFINITY;
    double broken = Double.POSITIVE_INFINITY;
    for (Measurement m : all) {
      if (m.startC() < fromC || m.startC() >= toC) {
        continue;
      }
      double demand = demand(m, k);
      double margin = m.working() ? m.changeC() - demand : demand - m.changeC();
      if (m.working() && margin < working) {
        working = margin;
        worstWorking = m;
      } else if (!m.working() && margin < broken) {
        broken = margin;
        bestBroken = m;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-22s working %s | broken %s%n",
        title,
        describe(worstWorking, working, k),
        describe(bestBroken, broken, k));
  }

  private static String describe(Measurement m, double margin, double k) {
    if (m == null) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "margin %+6.2f (%+6.2f from %6.2f, demand %+6.2f: %s)",
        margin,
        m.changeC(),
        m.startC(),
        demand(m, k),
        m.label());
  }

  /** The check's demand for this start with allowance {@code k}. */
  private static double demand(Measurement m, double k) {
    double room = Math.max(ROOM_MIN_C, Math.min(ROOM_MAX_C, m.coldJunctionC()));
    return SafetyLimits.defaults().noRiseMinC() - k * Math.max(0, m.startC() - room);
  }

  private static double mean(ArrayDeque<double[]> samples) {
    return samples.stream().mapToDouble(x -> x[1]).average().orElse(Double.NaN);
  }

  private static SafetyLimits copy(SafetyLimits from, Map<String, Double> changes)
      throws ReflectiveOperationException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent c : SafetyLimits.class.getRecordComponents()) {
      values.put(
          c.getName(),
          changes.containsKey(c.getName())
              ? changes.get(c.getName())
              : c.getAccessor().invoke(from));
    }
    Class<?>[] types =
        Arrays.stream(SafetyLimits.class.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    return SafetyLimits.class.getDeclaredConstructor(types).newInstance(values.values().toArray());
  }
}
