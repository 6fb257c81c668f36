package com.smarttoaster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.control.RePredictionSchedule;
import com.smarttoaster.dataset.BackToBackCycles;
import com.smarttoaster.dataset.BreadStorage;
import com.smarttoaster.dataset.DatasetGenerator;
import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.hal.sim.BreadRadiance;
import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed network on the kitchen cases of issue 11, replayed on the simulator: a second batch
 * soon after the first, mains unlike the config, a 120 V appliance, frozen bread in toast mode and
 * room bread in defrost mode. Target shade 4, two 12 mm slices of white bread at 21 °C unless said.
 * "start" is the prediction at the start alone; "cycle" is what the controller does (re-predicted
 * at 30 s from the chamber's rise, and again at 60 s when the cycle still heats).
 */
class CommittedModelKitchenTest {
  private static final ToastSettings WHITE_4 =
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
  private static Mlp mlp;
  private static ModelCard card;

  @BeforeAll
  static void load() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (InputStream m =
            CommittedModelKitchenTest.class.getResourceAsStream("/model/toast-time.mlp.json");
        InputStream c =
            CommittedModelKitchenTest.class.getResourceAsStream("/model/toast-time.card.json")) {
      mlp = json.readValue(m, Mlp.class);
      card = json.readValue(c, ModelCard.class);
    }
  }

  private static double predict(PredictionInput in) {
    return card.seconds(mlp.forward(card.scale(ModelFeatures.encode(in)))[0]);
  }

  /** Shade at the start prediction and after the controller's re-prediction. */
  private record Shades(double start, double cycle) {}

  /**
   * Mean over {@link #SENSOR_SEEDS} noise draws of the thermocouple (σ 0.3 °C per sample), on a
   * toaster without the bread thermometer.
   */
  private static Shades shades(EnvelopeSampler.Plan plan) {
    return shades(plan, false);
  }

  /**
   * As {@link #shades(EnvelopeSampler.Plan)}; {@code thermometer}: with the bread thermometer's
   * reading at the press (a part without calibration error, as the user's mode stands: the
   * controller's rule is not applied), else without any.
   */
  private static Shades shades(EnvelopeSampler.Plan plan, boolean thermometer) {
    double start = 0;
    double cycle = 0;
    for (long seed = 1; seed <= SENSOR_SEEDS; seed++) {
      EnvelopeSampler.Plan p =
          new EnvelopeSampler.Plan(
              plan.settings(),
              plan.ambientC(),
              plan.configuredMainsVolts(),
              plan.nominalMainsVolts(),
              plan.actualMainsVolts(),
              plan.breadStartC(),
              plan.storage(),
              plan.earlier(),
              plan.historyForgotten(),
              plan.evenStartC(),
              seed);
      EnvelopeSampler.Draw raw = EnvelopeSampler.simulate(p);
      double read = thermometer ? BreadRadiance.apparentC(raw.start(), true, 0.0) : Double.NaN;
      EnvelopeSampler.Draw d =
          new EnvelopeSampler.Draw(
              raw.input().withBreadReading(read),
              raw.breadStartC(),
              raw.storage(),
              raw.actualMainsVolts(),
              raw.earlierCycles(),
              thermometer ? read : Double.NaN,
              thermometer ? raw.start().boardC() : Double.NaN,
              raw.start());
      double startS = predict(d.input().withProgress(null));
      double cycleS =
          RePredictionSchedule.cycleSeconds(CommittedModelKitchenTest::predict, d.input());
      start += BackToBackCycles.shadeAfter(d.start(), startS);
      cycle += BackToBackCycles.shadeAfter(d.start(), cycleS);
    }
    return new Shades(start / SENSOR_SEEDS, cycle / SENSOR_SEEDS);
  }

  private static final int SENSOR_SEEDS = 8;

  private static EnvelopeSampler.Plan plan(
      ToastSettings s,
      double configuredV,
      double nominalV,
      double actualV,
      double breadC,
      BreadStorage storage,
      List<EnvelopeSampler.EarlierCycle> earlier) {
    return new EnvelopeSampler.Plan(
        s, 21.0, configuredV, nominalV, actualV, breadC, storage, earlier, false);
  }

  private static EnvelopeSampler.Plan plain(double configuredV, double nominalV, double actualV) {
    return plan(WHITE_4, configuredV, nominalV, actualV, 21.0, BreadStorage.ROOM, List.of());
  }

  @Test
  void aSecondBatchSoonAfterTheFirstComesOutAtTheTargetShade() {
    for (double pauseS : new double[] {5, 60, 120}) {
      List<EnvelopeSampler.EarlierCycle> first =
          List.of(new EnvelopeSampler.EarlierCycle(2, BreadType.WHITE, 12, 21.0, 4, pauseS));
      Shades s = shades(plan(WHITE_4, 230, 230, 230, 21.0, BreadStorage.ROOM, first));
      // Before issue 11: 9.4, 8.4 and 6.2 for target 4.
      assertEquals(
          4.0, s.start(), 1.0, "second batch " + pauseS + " s after the first, start prediction");
      // The controller re-predicts after every pause, so every one is held to the re-prediction's
      // tolerance.
      assertEquals(
          4.0,
          s.cycle(),
          0.7,
          "second batch " + pauseS + " s after the first, re-predicted (start: " + s.start() + ")");
    }
  }

  @Test
  void a120VoltApplianceGetsItsOwnTimeNotTheCap() {
    EnvelopeSampler.Draw d = EnvelopeSampler.simulate(plain(120, 120, 120));
    double s = predict(d.input().withProgress(null));
    assertTrue(s < 200, "120 V appliance: " + s + " s");
    // 4.41 from the start alone with the eight-network ensemble (4.62 with the single generator-5
    // network, 4.45 before); the re-prediction, which
    // the controller makes for every 120 V cycle over 40 s, is checked by the kitchen suites.
    assertEquals(4.0, BackToBackCycles.shadeAfter(d.start(), s), 0.75);
  }

  @Test
  void theProgressShowsMainsUnlikeTheConfig() {
    for (double actual : new double[] {207, 225, 235, 253}) {
      Shades s = shades(plain(230, 230, actual));
      assertEquals(
          4.0,
          s.cycle(),
          0.7,
          "actual " + actual + " V at a configured 230 V, re-predicted (start: " + s.start() + ")");
      assertTrue(
          Math.abs(s.cycle() - 4) <= Math.abs(s.start() - 4) + 0.1,
          "progress helps at " + actual + " V: " + s);
    }
  }

  /**
   * A known limit, kept visible: in the simulated toaster the chamber air barely notices the bread
   * (at 30 s, frozen bread rises the reading 0.75 °C less than room bread, as much as 1 % less
   * mains), so the re-prediction cannot tell frozen bread in toast mode, or room bread in defrost
   * mode, from an ordinary cycle. It must not make them worse.
   */
  @Test
  void theProgressBarelyShowsTheBreadsTemperatureAndDoesNoHarm() {
    Shades frozenInToast =
        shades(plan(WHITE_4, 230, 230, 230, -18, BreadStorage.FREEZER, List.of()));
    assertTrue(frozenInToast.start() < 3.0, "toast mode assumes room bread: " + frozenInToast);
    assertTrue(frozenInToast.cycle() >= frozenInToast.start() - 0.1, "no worse: " + frozenInToast);
    ToastSettings defrost = WHITE_4.withMode(ToastMode.DEFROST);
    Shades roomInDefrost = shades(plan(defrost, 230, 230, 230, 21, BreadStorage.ROOM, List.of()));
    assertTrue(roomInDefrost.start() > 5.0, "defrost mode assumes frozen bread: " + roomInDefrost);
    assertTrue(roomInDefrost.cycle() <= roomInDefrost.start() + 0.1, "no worse: " + roomInDefrost);
  }

  /**
   * What the bread thermometer's reading is for (generator 7): the bread the chamber air cannot
   * show. Frozen bread in toast mode, fridge bread and room bread in defrost mode come out near the
   * target from the start prediction on, with the user's mode as it stands.
   */
  @Test
  void theBreadThermometersReadingShowsWhatTheChamberCannot() {
    Shades frozenInToast =
        shades(plan(WHITE_4, 230, 230, 230, -18, BreadStorage.FREEZER, List.of()), true);
    assertEquals(4.0, frozenInToast.cycle(), 0.7, "frozen bread in toast mode: " + frozenInToast);
    Shades fridge = shades(plan(WHITE_4, 230, 230, 230, 4, BreadStorage.FRIDGE, List.of()), true);
    assertEquals(4.0, fridge.cycle(), 0.7, "fridge bread: " + fridge);
    Shades without = shades(plan(WHITE_4, 230, 230, 230, 4, BreadStorage.FRIDGE, List.of()), false);
    assertTrue(
        Math.abs(fridge.cycle() - 4) < Math.abs(without.cycle() - 4),
        "the reading helps with fridge bread: " + fridge + " against " + without);
    ToastSettings defrost = WHITE_4.withMode(ToastMode.DEFROST);
    Shades roomInDefrost =
        shades(plan(defrost, 230, 230, 230, 21, BreadStorage.ROOM, List.of()), true);
    assertEquals(4.0, roomInDefrost.cycle(), 0.7, "room bread in defrost mode: " + roomInDefrost);
  }

  @Test
  void aMainsSettingThatDoesNotFitTheElementIsRefusedSayingSo() {
    com.smarttoaster.predict.ToastTimePredictor installed =
        com.smarttoaster.predict.ModelPredictor.loadDefault();
    PredictionInput wrong =
        new PredictionInput(WHITE_4, 21, 21, 230, 120, PredictionInput.NO_RECENT_CYCLE_S, 0, null);
    Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.smarttoaster.predict.PredictorUnavailableException.class,
            () -> installed.predictSeconds(wrong));
    assertTrue(
        e.getMessage().startsWith("mainsRatio = 1.9 is outside the training range 0.8"),
        e.getMessage());
    assertTrue(
        e.getMessage().endsWith("(configured mains 230.0 V on a 120 V element)"), e.getMessage());
  }

  @Test
  void noCliffAtTheOperatingEdge() {
    double at199 =
        predict(EnvelopeSampler.simulate(plain(199.5, 230, 199.5)).input().withProgress(null));
    double at200 =
        predict(EnvelopeSampler.simulate(plain(200.0, 230, 200.0)).input().withProgress(null));
    assertTrue(
        Math.abs(at199 - at200) < 0.02 * at200, "199.5 V: " + at199 + " s, 200 V: " + at200 + " s");
    assertTrue(
        ShadeOracle.bestHeatSeconds(
                EnvelopeSampler.simulate(plain(199.5, 230, 199.5)).start(),
                4,
                DatasetGenerator.MAX_HEAT_S)
            > 0);
  }
}
