package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.HeatingProgress;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.EarlierCycle;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulationOptions;
import com.smarttoaster.simulation.SimulationResult;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training/serving skew of the heating progress (Breck et al., "The ML Test Score", Monitor 3): the
 * rises the dataset computes for a toaster must be the rises the controller measures on the
 * simulated appliance, through the supervisor, the relay and the sensor, for the same toaster.
 * Before this test the dataset's were 0.35–0.5 °C higher (an ideal heater start, 0.125 s samples, a
 * one-sample reference in the simulation), which the network read as 2–4 % more power: second
 * batches came out 0.3 shade darker on average.
 */
class RiseMeasurementParityTest {
  private static final int RUNS = 30;
  private static final Pattern RISES = Pattern.compile("rose ([0-9./-]+) °C");

  private static final int MARKS = HeatingProgress.AT_S.length;

  @ParameterizedTest(name = "{0} °C room, {1} V on a {2} V appliance, {4} mm {3}")
  @CsvSource({
    "12.9, 204, 230, SOURDOUGH, 15, 2",
    "21.0, 230, 230, WHITE, 12, 2",
    "30.0, 114, 120, RYE, 25, 1",
  })
  void theDatasetsRisesAreTheControllersRises(
      double roomC, double volts, double nominal, BreadType bread, double thicknessMm, int slices) {
    assertSameMeanRises(
        0.15,
        run -> {
          ToasterPhysics p =
              new ToasterPhysics(
                  new ApplianceConditions(
                      roomC, volts, roomC, slices, bread, thicknessMm, roomC, nominal));
          BackToBackCycles.Thermocouple tc =
              new BackToBackCycles.Thermocouple(1000 + run, p.chamberC());
          return BackToBackCycles.progress(p, tc, BackToBackCycles.idleReference(tc));
        },
        run ->
            new Scenario(
                1,
                "parity",
                1000 + run,
                roomC,
                volts,
                roomC,
                slices,
                new BreadSpec(bread, thicknessMm, roomC),
                7,
                ToastMode.TOAST,
                List.of(),
                List.of(),
                List.of(),
                volts,
                nominal));
  }

  @ParameterizedTest(name = "second batch {0} s after a first")
  @CsvSource({"45", "90"})
  void afterAnEarlierCycleTooTheReferenceIsTheCoolingSecondBeforeThePress(double pauseS) {
    // Shade 6, so that the cycle still heats at the second re-prediction (60 s), whose event has
    // all six rises.
    ToastSettings white = new ToastSettings(6, BreadType.WHITE, 12, 2, ToastMode.TOAST);
    BreadSpec bread = new BreadSpec(BreadType.WHITE, 12, 21.0);
    // 0.2 °C here: the simulation's earlier cycle heats for the model's time, the dataset's for the
    // oracle's, and the rise after a cycle depends on the boards' heat. The measurement is the
    // same as on a cold toaster (0.15 °C); with the generator-6 model the 45 s case differed by
    // 0.155 °C, with generator 5's by less than 0.15.
    assertSameMeanRises(
        0.2,
        run ->
            BackToBackCycles.run(
                    new EnvelopeSampler.Plan(
                        white,
                        21.0,
                        230,
                        230,
                        230,
                        21.0,
                        BreadStorage.ROOM,
                        List.of(
                            new EnvelopeSampler.EarlierCycle(
                                2, BreadType.WHITE, 12, 21.0, 4, pauseS)),
                        false,
                        Double.NaN,
                        2000 + run))
                .input()
                .progress(),
        run ->
            new Scenario(
                1,
                "parity",
                2000 + run,
                21.0,
                230,
                21.0,
                2,
                bread,
                6,
                ToastMode.TOAST,
                List.of(),
                List.of(),
                List.of(new EarlierCycle(bread, 4, ToastMode.TOAST, 2, pauseS)),
                230.0,
                230.0));
  }

  /**
   * Over {@link #RUNS} runs, the dataset's mean rises against the controller's for the same toaster
   * (each run: the dataset's progress and the scenario the controller measures), within {@code
   * toleranceC}.
   */
  private static void assertSameMeanRises(
      double toleranceC,
      IntFunction<HeatingProgress> datasetRun,
      IntFunction<Scenario> scenarioRun) {
    double[] dataset = new double[MARKS];
    double[] controller = new double[MARKS];
    int measured = 0;
    for (int run = 0; run < RUNS; run++) {
      HeatingProgress d = datasetRun.apply(run);
      double[] c =
          controllerRises(
              new CycleSimulation(scenarioRun.apply(run), SimulationOptions.defaults("model"))
                  .run(null));
      if (c == null) {
        continue; // the re-prediction kept the time, so the event with the rises was not written
      }
      measured++;
      for (int k = 0; k < MARKS; k++) {
        dataset[k] += d.riseC()[k];
        controller[k] += c[k];
      }
    }
    // A second re-prediction that keeps the time within 0.05 s writes no event (19 of 30 do, 90 s
    // after a first batch); which ones do depends on the network's answer, not on the rises.
    assertTrue(measured >= RUNS / 2, measured + " of " + RUNS + " cycles reported their rises");
    for (int k = 0; k < MARKS; k++) {
      assertEquals(
          controller[k] / measured,
          dataset[k] / measured,
          toleranceC,
          "mean rise after " + HeatingProgress.AT_S[k] + " s: dataset vs controller");
    }
  }

  /**
   * The rises of the cycle's second re-prediction event (all {@link HeatingProgress#AT_S}), or null
   * when it has none.
   */
  private static double[] controllerRises(SimulationResult r) {
    for (SimulationResult.Event e : r.events()) {
      Matcher m = RISES.matcher(e.event());
      if (m.find()) {
        String[] v = m.group(1).split("/");
        if (v.length == MARKS) {
          return java.util.Arrays.stream(v).mapToDouble(Double::parseDouble).toArray();
        }
      }
    }
    return null;
  }
}
