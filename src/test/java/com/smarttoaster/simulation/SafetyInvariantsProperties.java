package com.smarttoaster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.FaultKind;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioFault;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Invariants over random scenarios from the realistic envelope of the design brief: no trips
 * without faults, heat never beyond the maximum time, the chamber never far above the cut-off, and
 * every injected fault stops heat within its bound.
 */
@Tag("slow")
class SafetyInvariantsProperties {
  /**
   * Per fault kind, the tries in which the fault met flowing heat and the supervisor latched a
   * fault for it: only those put the kind's bound to the test (a fault that arrives after the
   * cycle's heat has ended passes any bound). Checked after the container: every kind must have
   * been exercised.
   */
  private static final Map<FaultKind, Integer> EXERCISED = new EnumMap<>(FaultKind.class);

  private static final Map<FaultKind, Integer> TRIED = new EnumMap<>(FaultKind.class);

  /** Healthy tries that heated at all (a cycle refused or ended at once would pass every bound). */
  private static int healthyHeated;

  private static int healthyTried;

  @Property(tries = 120)
  void healthyCyclesNeverTripAndStayWithinLimits(
      @ForAll("realistic") Scenario s,
      @ForAll("devicePredictors") String predictor,
      @ForAll("appliances") String appliance) {
    SimulationResult r = Scenarios.runOn(appliance, s, predictor);
    assertNull(
        r.fault(),
        () -> "false trip: " + r.fault() + " in " + describe(s) + " events " + r.events());
    assertEquals(CycleOutcome.DONE, r.outcome());
    assertTrue(r.heaterOnS() <= r.limits().maxHeatS(), "heater on " + r.heaterOnS() + " s");
    assertTrue(
        r.maxChamberC() < r.limits().cutoffC(),
        "chamber " + r.maxChamberC() + " °C in " + describe(s));
    synchronized (EXERCISED) {
      healthyTried++;
      if (r.heaterOnS() > 0) {
        healthyHeated++;
      }
    }
  }

  @Property(tries = 120)
  void everyInjectedFaultStopsHeatWithinItsBound(
      @ForAll("realistic") Scenario base,
      @ForAll("heatStoppingFaults") ScenarioFault fault,
      @ForAll("appliances") String appliance) {
    Scenario s =
        new Scenario(
            1,
            "fault",
            base.seed(),
            base.ambientC(),
            base.mainsVolts(),
            base.chamberStartC(),
            base.slices(),
            base.bread(),
            base.shade(),
            nonReheat(base.mode()),
            List.of(fault),
            List.of());
    SimulationResult r = Scenarios.runOn(appliance, s, "fallback");
    double boundMs = boundMs(fault.kind());
    // DESIGN §7: a latency whenever a fault was injected (never silently absent).
    assertNotNull(
        r.tripLatencyMs(),
        () -> fault.kind().id() + ": no trip latency reported; events " + r.events());
    assertTrue(
        r.tripLatencyMs() <= boundMs,
        () ->
            fault.kind().id()
                + ": heat flowed "
                + r.tripLatencyMs()
                + " ms after the onset, bound "
                + boundMs
                + " ms on "
                + appliance
                + "; "
                + describe(s)
                + " events "
                + r.events());
    assertTrue(r.heaterOnS() <= r.limits().maxHeatS());
    assertTrue(r.maxChamberC() <= r.limits().cutoffC() + 15, "chamber " + r.maxChamberC() + " °C");
    boolean metHeat = r.heatCutS() != null && r.heatCutS() >= fault.atS() && r.fault() != null;
    synchronized (EXERCISED) {
      TRIED.merge(fault.kind(), 1, Integer::sum);
      if (metHeat) {
        EXERCISED.merge(fault.kind(), 1, Integer::sum);
      }
    }
  }

  @AfterContainer
  static void everyBoundWasExercised() {
    synchronized (EXERCISED) {
      if (healthyTried > 0) {
        assertTrue(
            healthyHeated > healthyTried / 2,
            () ->
                "only "
                    + healthyHeated
                    + " of "
                    + healthyTried
                    + " healthy tries heated at all: the limits were hardly tested");
      }
      if (!TRIED.isEmpty()) {
        for (FaultKind kind : TRIED.keySet()) {
          int n = EXERCISED.getOrDefault(kind, 0);
          assertTrue(
              n > 0,
              () ->
                  kind.id()
                      + ": none of "
                      + TRIED.get(kind)
                      + " tries met flowing heat and"
                      + " latched a fault; its bound was never tested");
        }
        assertEquals(10, TRIED.size(), () -> "fault kinds tried: " + TRIED);
      }
    }
  }

  private static ToastMode nonReheat(ToastMode m) {
    // Reheat cycles can be over before a slow check could even run; they are covered elsewhere.
    return m == ToastMode.REHEAT ? ToastMode.TOAST : m;
  }

  private static double boundMs(FaultKind kind) {
    switch (kind) {
      case HEATER_STUCK_ON:
        return 200;
      case SENSOR_DROPOUT:
        return 1200;
      case CONTROLLER_HANG:
        return 2000;
      case SENSOR_NOISE:
        // (safety branch) the sensor is read every 0.15 s, not every 50 ms tick: two too-fast
        // samples
        // of four come within 1.35 s at σ 30 °C in 99.3 % of runs, within 1.8 s in 99.9 %; plus one
        // tick to switch off
        return 2000;
      case SENSOR_STUCK:
        return 6000;
      case HEATER_OPEN:
        return 21000;
      default:
        return 1000;
    }
  }

  /** Every bound holds on the simulated appliance and through the Pi code on emulated chips. */
  @Provide
  Arbitrary<String> appliances() {
    return Arbitraries.of(SimulatedApplianceKind.NAMES);
  }

  @Provide
  Arbitrary<String> devicePredictors() {
    return Arbitraries.of("fallback", "fixed-timer", "oracle");
  }

  @Provide
  Arbitrary<Scenario> realistic() {
    Arbitrary<Double> ambient = Arbitraries.doubles().between(5, 40);
    Arbitrary<Double> mains = Arbitraries.doubles().between(200, 250);
    Arbitrary<Double> warmth = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> slices = Arbitraries.integers().between(1, 2);
    Arbitrary<BreadType> bread = Arbitraries.of(BreadType.class);
    Arbitrary<Double> thickness = Arbitraries.doubles().between(8, 35);
    Arbitrary<Double> breadStart = Arbitraries.doubles().between(-25, 30);
    Arbitrary<Integer> shade = Arbitraries.integers().between(1, 7);
    Arbitrary<ToastMode> mode = Arbitraries.of(ToastMode.class);
    Arbitrary<Long> seed = Arbitraries.longs().between(0, 1_000_000);
    return Combinators.combine(ambient, mains, warmth, slices, bread, thickness, breadStart, shade)
        .flatAs(
            (a, v, w, n, b, t, bs, sh) ->
                Combinators.combine(mode, seed)
                    .as(
                        (m, sd) -> {
                          double chamber = a + w * (200 - a);
                          ToastMode realisticMode =
                              bs < 0 && m == ToastMode.TOAST ? ToastMode.DEFROST : m;
                          return new Scenario(
                              1,
                              "random",
                              sd,
                              a,
                              v,
                              chamber,
                              n,
                              new BreadSpec(b, t, bs),
                              sh,
                              realisticMode,
                              List.of(),
                              List.of());
                        }));
  }

  @Provide
  Arbitrary<ScenarioFault> heatStoppingFaults() {
    Arbitrary<Double> at = Arbitraries.doubles().between(1, 15);
    return Arbitraries.oneOf(
        at.map(t -> ScenarioFault.of(FaultKind.SENSOR_OPEN, t)),
        at.map(t -> ScenarioFault.of(FaultKind.SENSOR_SHORT, t)),
        at.map(t -> ScenarioFault.of(FaultKind.SENSOR_SHORT_VCC, t)),
        at.map(t -> ScenarioFault.of(FaultKind.SENSOR_STUCK, t)),
        Combinators.combine(at, Arbitraries.doubles().between(1.5, 10))
            .as((t, d) -> ScenarioFault.of(FaultKind.SENSOR_DROPOUT, t, d)),
        Combinators.combine(at, Arbitraries.doubles().between(30, 100))
            .as((t, sg) -> ScenarioFault.of(FaultKind.SENSOR_NOISE, t, sg)),
        at.map(t -> ScenarioFault.of(FaultKind.HEATER_STUCK_ON, t)),
        at.map(t -> ScenarioFault.of(FaultKind.HEATER_OPEN, t)),
        Combinators.combine(at, Arbitraries.doubles().between(2, 20))
            .as((t, rate) -> ScenarioFault.of(FaultKind.OVERHEAT, t, rate)),
        at.map(t -> ScenarioFault.of(FaultKind.CONTROLLER_HANG, t)));
  }

  private static String describe(Scenario s) {
    return String.format(
        java.util.Locale.ROOT,
        "[ambient %.1f, mains %.0f V, chamber %.1f, %d slice(s), %s %.0f mm at %.1f °C, shade %d, %s]",
        s.ambientC(),
        s.mainsVolts(),
        s.chamberStartC(),
        s.slices(),
        s.bread().type().id(),
        s.bread().thicknessMm(),
        s.bread().startC(),
        s.shade(),
        s.mode().id());
  }
}
